using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("import_batches");
        b.Property(x => x.Source).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(400);
        b.Property(x => x.FileHash).HasMaxLength(64);
        b.HasIndex(x => x.FileHash);
        b.HasIndex(x => x.At);
    }
}
