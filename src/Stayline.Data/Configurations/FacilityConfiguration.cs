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
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}
