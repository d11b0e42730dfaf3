using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Hotline;
using Stayline.Domain.Organisations;

namespace Stayline.Data.Configurations;

internal sealed class HotlineReportConfiguration : IEntityTypeConfiguration<HotlineReport>
{
    public void Configure(EntityTypeBuilder<HotlineReport> b)
    {
        b.ToTable("hotline_reports");
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.DetaineeName).HasMaxLength(HotlineReport.MaxName);
        b.Property(r => r.ANumber).HasMaxLength(9);
        b.Property(r => r.CallerName).HasMaxLength(HotlineReport.MaxName);
        b.Property(r => r.CallerPhone).HasMaxLength(HotlineReport.MaxPhone);
        b.Property(r => r.Facility).HasMaxLength(HotlineReport.MaxFacility);
        b.Property(r => r.Notes).HasMaxLength(HotlineReport.MaxNotes);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.DecidedByName).HasMaxLength(256);
        b.Property(r => r.DecisionNote).HasMaxLength(1000);
        b.HasIndex(r => new { r.Status, r.ReceivedAt });
        b.HasIndex(r => r.LinkedAt);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
