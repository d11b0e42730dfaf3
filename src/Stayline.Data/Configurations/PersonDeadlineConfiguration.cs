using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Classes;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class PersonDeadlineConfiguration : IEntityTypeConfiguration<PersonDeadline>
{
    public void Configure(EntityTypeBuilder<PersonDeadline> b)
    {
        b.ToTable("person_deadlines");
        b.Property(d => d.RuleId).HasMaxLength(40);
        b.Property(d => d.State).HasMaxLength(16);
        b.Property(d => d.Citation).HasMaxLength(400);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Trigger).HasMaxLength(200);
        b.HasIndex(d => d.PersonId);
        b.HasIndex(d => d.DueDate);
        b.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CourtOrder>().WithMany().HasForeignKey(d => d.CourtOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
