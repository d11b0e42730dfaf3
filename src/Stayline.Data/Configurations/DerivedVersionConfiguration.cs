using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class DerivedVersionConfiguration : IEntityTypeConfiguration<DerivedVersion>
{
    public void Configure(EntityTypeBuilder<DerivedVersion> b)
    {
        b.ToTable("derived_versions");
        b.HasKey(v => v.Kind);
        b.Property(v => v.Kind).HasMaxLength(40);
        b.Property(v => v.Value).HasMaxLength(100);
    }
}
