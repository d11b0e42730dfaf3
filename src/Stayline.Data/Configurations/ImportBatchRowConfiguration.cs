using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class ImportBatchRowConfiguration : IEntityTypeConfiguration<ImportBatchRow>
{
    public void Configure(EntityTypeBuilder<ImportBatchRow> b)
    {
        b.ToTable("import_rows");
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.BatchId, x.Row });
        b.HasIndex(x => new { x.Action, x.PersonId });
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
