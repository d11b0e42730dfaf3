using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Classes;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class ClassMembershipConfiguration : IEntityTypeConfiguration<ClassMembership>
{
    public void Configure(EntityTypeBuilder<ClassMembership> b)
    {
        b.ToTable("class_memberships");
        b.HasKey(m => new { m.ClassActionId, m.PersonId });
        b.HasIndex(m => m.PersonId);
        b.HasOne<ClassAction>().WithMany().HasForeignKey(m => m.ClassActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
