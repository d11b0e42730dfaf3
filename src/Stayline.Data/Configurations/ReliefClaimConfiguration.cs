using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Matters;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class ReliefClaimConfiguration : IEntityTypeConfiguration<ReliefClaim>
{
    public void Configure(EntityTypeBuilder<ReliefClaim> b)
    {
        b.ToTable("relief_claims");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Grounds).HasConversion<string>().HasMaxLength(120);
        b.Property(r => r.Basis).HasMaxLength(2000);
        b.Property(r => r.Country).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Matter>().WithMany().HasForeignKey(r => r.MatterId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => r.PersonId);
    }
}
