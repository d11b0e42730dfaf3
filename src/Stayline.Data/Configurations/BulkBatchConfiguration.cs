using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Work;

namespace Stayline.Data.Configurations;

internal sealed class BulkBatchConfiguration : IEntityTypeConfiguration<BulkBatch>
{
    public void Configure(EntityTypeBuilder<BulkBatch> b)
    {
        b.ToTable("bulk_batches");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(400);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.UndoneBy).HasMaxLength(256);
        b.HasIndex(x => x.At);
    }
}

/// <summary>
/// The batch id on rows a bulk action writes is a shadow column: the domain types know nothing of batches, and
/// only the bulk action and its undo read or write it.
/// </summary>
internal sealed class BatchColumns : IEntityTypeConfiguration<PersonEvent>, IEntityTypeConfiguration<Assignment>,
    IEntityTypeConfiguration<ClassMembership>, IEntityTypeConfiguration<CustodyEpisode>
{
    public void Configure(EntityTypeBuilder<PersonEvent> b) => Stamp(b);

    public void Configure(EntityTypeBuilder<Assignment> b) => Stamp(b);

    public void Configure(EntityTypeBuilder<ClassMembership> b) => Stamp(b);

    public void Configure(EntityTypeBuilder<CustodyEpisode> b)
    {
        Stamp(b);
        b.Property<long?>(BulkBatch.EndedByBatchColumn);
        b.HasIndex(BulkBatch.EndedByBatchColumn);
    }

    private static void Stamp<T>(EntityTypeBuilder<T> b)
        where T : class
    {
        b.Property<long?>(BulkBatch.BatchIdColumn);
        b.HasIndex(BulkBatch.BatchIdColumn);
    }
}
