using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class DerivedWatermarkConfiguration : IEntityTypeConfiguration<DerivedWatermark>
{
    public void Configure(EntityTypeBuilder<DerivedWatermark> b)
    {
        b.ToTable("derived_watermark");
        b.Property(w => w.Id).ValueGeneratedNever();
    }
}
