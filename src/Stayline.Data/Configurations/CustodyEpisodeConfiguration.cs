using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Custody;

namespace Stayline.Data.Configurations;

internal sealed class CustodyEpisodeConfiguration : IEntityTypeConfiguration<CustodyEpisode>
{
    public void Configure(EntityTypeBuilder<CustodyEpisode> b)
    {
        b.ToTable("custody_episodes");
        b.Property(e => e.EndReason).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasOne(e => e.Facility).WithMany().HasForeignKey(e => e.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.IsOpen);
        // Covers the no-petition-yet queue's checks of each person's custody (is there a release after this day? an earlier episode?).
        b.HasIndex(e => new { e.PersonId, e.From, e.To, e.EndReason }).HasDatabaseName("IX_custody_episodes_PersonId_From_To_EndReason");
        // The queue's order: a page walks episodes by day and person and stops after its last row.
        b.HasIndex(e => new { e.From, e.PersonId });
    }
}
