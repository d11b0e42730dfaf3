using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Matters;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class HearingConfiguration : IEntityTypeConfiguration<Hearing>
{
    public void Configure(EntityTypeBuilder<Hearing> b)
    {
        b.ToTable("hearings");
        b.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Court).HasMaxLength(200);
        b.Property(h => h.Judge).HasMaxLength(200);
        b.Property(h => h.Notes).HasMaxLength(2000);
        b.Property(h => h.BondAmount).HasPrecision(12, 2);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasOne<Person>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Matter>().WithMany().HasForeignKey(h => h.MatterId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(h => new { h.PersonId, h.On });
        b.HasIndex(h => new { h.On, h.Court });
    }
}
