using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Classes;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class CourtOrderConfiguration : IEntityTypeConfiguration<CourtOrder>
{
    public void Configure(EntityTypeBuilder<CourtOrder> b)
    {
        b.ToTable("court_orders");
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(o => o.ClassActionId);
        b.HasIndex(o => o.PersonId);
        b.HasOne<ClassAction>().WithMany().HasForeignKey(o => o.ClassActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
