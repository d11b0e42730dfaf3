using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Matters;

namespace Stayline.Data.Configurations;

internal sealed class MatterEventConfiguration : IEntityTypeConfiguration<MatterEvent>
{
    public void Configure(EntityTypeBuilder<MatterEvent> b)
    {
        b.ToTable("matter_events");
        b.Property(e => e.Kind).HasMaxLength(60);
    }
}
