using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Matters;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class BondCaseConfiguration : IEntityTypeConfiguration<BondCase>
{
    public void Configure(EntityTypeBuilder<BondCase> b)
    {
        b.ToTable("bond_cases");
        b.Property(c => c.DhsDecision).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.BoardOutcome).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.DhsAmount).HasPrecision(12, 2);
        b.Property(c => c.Amount).HasPrecision(12, 2);
        b.Property(c => c.Notes).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.PersonId);
    }
}
