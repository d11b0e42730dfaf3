using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Work;

namespace Stayline.Data.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("alerts");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.FromDistrict).HasMaxLength(20);
        b.Property(a => a.ToDistrict).HasMaxLength(20);
        b.Property(a => a.Message).HasMaxLength(1000);
        b.Property(a => a.AcknowledgeNote).HasMaxLength(1000);
        b.Property(a => a.AcknowledgedByName).HasMaxLength(256);
        b.Property(a => a.NotifiedVia).HasMaxLength(200);
        // One alert per episode and kind: a second save of the same facts (or a second node) cannot raise it twice.
        b.HasIndex(a => new { a.CustodyEpisodeId, a.Kind }).IsUnique();
        b.HasIndex(a => new { a.PersonId, a.AcknowledgedAt });
        b.HasIndex(a => a.AcknowledgedAt);
    }
}
