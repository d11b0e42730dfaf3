using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.People;
using Stayline.Domain.Work;

namespace Stayline.Data.Configurations;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("assignments");
        b.HasIndex(a => new { a.PersonId, a.To });
        // A lawyer's current people in person order: the people list's lawyer sort reads a page of them at a time.
        b.HasIndex(a => new { a.UserId, a.To, a.PersonId });
        b.Ignore(a => a.IsActive);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaylineUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
