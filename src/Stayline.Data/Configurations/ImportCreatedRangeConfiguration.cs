using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class ImportCreatedRangeConfiguration : IEntityTypeConfiguration<ImportCreatedRange>
{
    public void Configure(EntityTypeBuilder<ImportCreatedRange> b)
    {
        b.ToTable("import_created");
        b.HasKey(x => new { x.BatchId, x.FromId });
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
