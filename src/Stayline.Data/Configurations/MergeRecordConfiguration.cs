using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

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
