using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Hotline;
using Stayline.Domain.Organisations;

namespace Stayline.Data.Configurations;

internal sealed class HotlineCallConfiguration : IEntityTypeConfiguration<HotlineCall>
{
    public void Configure(EntityTypeBuilder<HotlineCall> b)
    {
        b.ToTable("hotline_calls");
        b.Property(c => c.CallerName).HasMaxLength(HotlineCall.MaxName);
        b.Property(c => c.CallerPhone).HasMaxLength(HotlineCall.MaxPhone);
        b.Property(c => c.AboutName).HasMaxLength(HotlineCall.MaxName);
        b.Property(c => c.Summary).HasMaxLength(HotlineCall.MaxText);
        b.Property(c => c.Promised).HasMaxLength(HotlineCall.MaxText);
        b.Property(c => c.TakenByName).HasMaxLength(256);
        b.HasIndex(c => c.At);
        b.HasIndex(c => c.PersonId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
