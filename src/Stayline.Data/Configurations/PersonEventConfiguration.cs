using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Domain.Records;

namespace Stayline.Data.Configurations;

internal sealed class PersonEventConfiguration : IEntityTypeConfiguration<PersonEvent>
{
    public void Configure(EntityTypeBuilder<PersonEvent> b)
    {
        b.ToTable("person_events");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(e => new { e.PersonId, e.On });
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RecordsRequest>().WithMany().HasForeignKey(e => e.RecordsRequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.RecordsRequestId);
    }
}
