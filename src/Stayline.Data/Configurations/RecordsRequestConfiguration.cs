using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.People;
using Stayline.Domain.Records;

namespace Stayline.Data.Configurations;

internal sealed class RecordsRequestConfiguration : IEntityTypeConfiguration<RecordsRequest>
{
    public void Configure(EntityTypeBuilder<RecordsRequest> b)
    {
        b.ToTable("records_requests");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Agency).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.TrackingNumber).HasMaxLength(100);
        b.Property(r => r.Notes).HasMaxLength(2000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsOutstanding);
        b.Ignore(r => r.ReceiptEvent);
        b.Ignore(r => r.StatutoryResponseDue);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PersonId, r.RequestedOn });
        b.HasIndex(r => new { r.Status, r.Agency });
    }
}
