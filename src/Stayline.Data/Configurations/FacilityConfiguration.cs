using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Custody;

namespace Stayline.Data.Configurations;

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> b)
    {
        b.ToTable("facilities");
        b.Property(f => f.Name).HasMaxLength(200);
        b.HasIndex(f => f.Name);
        b.Property(f => f.State).HasMaxLength(2);
        b.Property(f => f.County).HasMaxLength(100);
        b.Property(f => f.Division).HasMaxLength(60);
        // Stored as its number: rows from before the column existed read as Unknown (0).
        b.Property(f => f.Type);
        b.Property(f => f.IceCode).HasMaxLength(20);
        b.HasIndex(f => f.IceCode);
        b.Property(f => f.Aliases).HasMaxLength(2000);
        b.Property(f => f.ReviewNote).HasMaxLength(500);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}
