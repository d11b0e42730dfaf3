using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Custody;
using Stayline.Domain.Respondents;

namespace Stayline.Data.Configurations;

internal sealed class OfficeHolderConfiguration : IEntityTypeConfiguration<OfficeHolder>
{
    public void Configure(EntityTypeBuilder<OfficeHolder> b)
    {
        b.ToTable("office_holders");
        b.Property(h => h.Office).HasConversion<string>().HasMaxLength(40);
        b.Property(h => h.FieldOffice).HasMaxLength(200);
        b.Property(h => h.Name).HasMaxLength(200);
        b.Property(h => h.Title).HasMaxLength(200);
        b.Property(h => h.Source).HasMaxLength(500);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasOne<Facility>().WithMany().HasForeignKey(h => h.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => new { h.Office, h.FacilityId, h.From });
    }
}
