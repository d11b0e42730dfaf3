using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class CourtClosureDayConfiguration : IEntityTypeConfiguration<CourtClosureDay>
{
    public void Configure(EntityTypeBuilder<CourtClosureDay> b)
    {
        b.ToTable("court_closures");
        b.Property(c => c.Court).HasMaxLength(40);
        b.Property(c => c.Reason).HasMaxLength(200);
        b.HasIndex(c => c.Date);
    }
}
