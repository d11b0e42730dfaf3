using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Work;

namespace Stayline.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.PersonId, a.At });
        b.HasIndex(a => new { a.UserId, a.At });
        b.Property(a => a.Action).HasMaxLength(16);
        b.Property(a => a.EntityType).HasMaxLength(60);
    }
}
