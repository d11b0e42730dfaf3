using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class ImportJobRecordConfiguration : IEntityTypeConfiguration<ImportJobRecord>
{
    public void Configure(EntityTypeBuilder<ImportJobRecord> b)
    {
        b.ToTable("import_jobs");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Source).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(400);
        b.Property(x => x.FilePath).HasMaxLength(1000);
        b.Property(x => x.Phase).HasMaxLength(16);
        b.HasIndex(x => x.StartedAt);
    }
}
