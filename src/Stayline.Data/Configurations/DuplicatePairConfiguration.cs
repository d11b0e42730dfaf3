using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class DuplicateRunConfiguration : IEntityTypeConfiguration<DuplicateRun>
{
    public void Configure(EntityTypeBuilder<DuplicateRun> b)
    {
        b.ToTable("duplicate_runs");
        b.Property(x => x.Scope).HasMaxLength(64);
        b.HasIndex(x => x.Scope);
    }
}

internal sealed class DuplicatePairConfiguration : IEntityTypeConfiguration<DuplicatePair>
{
    public void Configure(EntityTypeBuilder<DuplicatePair> b)
    {
        b.ToTable("duplicate_pairs");
        b.HasKey(x => new { x.RunId, x.LowId, x.HighId });
        // The queue reads a run's pairs best first, a page at a time (keyset on score, then the ids).
        b.HasIndex(x => new { x.RunId, x.Score, x.LowId, x.HighId }).IsDescending(false, true, false, false);
        b.HasOne<DuplicateRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
