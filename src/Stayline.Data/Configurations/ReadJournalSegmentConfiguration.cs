using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class ReadJournalSegmentConfiguration : IEntityTypeConfiguration<ReadJournalSegment>
{
    public void Configure(EntityTypeBuilder<ReadJournalSegment> b)
    {
        b.ToTable("read_journal_segments");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(80);
        b.HasIndex(s => s.MovedAt);
    }
}
