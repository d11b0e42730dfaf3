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

internal sealed class ImportCreatedRangeConfiguration : IEntityTypeConfiguration<ImportCreatedRange>
{
    public void Configure(EntityTypeBuilder<ImportCreatedRange> b)
    {
        b.ToTable("import_created");
        b.HasKey(x => new { x.BatchId, x.FromId });
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportSourceMappingConfiguration : IEntityTypeConfiguration<ImportSourceMapping>
{
    public void Configure(EntityTypeBuilder<ImportSourceMapping> b)
    {
        b.ToTable("import_mappings");
        b.Property(x => x.Source).HasMaxLength(200);
        b.HasIndex(x => x.Source).IsUnique();
    }
}

internal sealed class NotSamePersonConfiguration : IEntityTypeConfiguration<NotSamePerson>
{
    public void Configure(EntityTypeBuilder<NotSamePerson> b)
    {
        b.ToTable("not_same_people");
        b.HasKey(x => new { x.LowId, x.HighId });
        b.Property(x => x.UserName).HasMaxLength(256);
    }
}

internal sealed class MergeRecordConfiguration : IEntityTypeConfiguration<MergeRecord>
{
    public void Configure(EntityTypeBuilder<MergeRecord> b)
    {
        b.ToTable("merges");
        b.HasIndex(x => x.SurvivorId);
        b.HasIndex(x => x.AbsorbedId);
        b.Property(x => x.UserName).HasMaxLength(256);
    }
}

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

internal sealed class ImportJobErrorConfiguration : IEntityTypeConfiguration<ImportJobError>
{
    public void Configure(EntityTypeBuilder<ImportJobError> b)
    {
        b.ToTable("import_job_errors");
        b.HasKey(x => new { x.JobId, x.Seq });
        b.HasOne<ImportJobRecord>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
