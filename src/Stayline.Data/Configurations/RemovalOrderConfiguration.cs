using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Matters;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class RemovalOrderConfiguration : IEntityTypeConfiguration<RemovalOrder>
{
    public void Configure(EntityTypeBuilder<RemovalOrder> b)
    {
        b.ToTable("removal_orders");
        b.Property(o => o.IssuedBy).HasConversion<string>().HasMaxLength(40);
        b.Property(o => o.Proceeding).HasConversion<string>().HasMaxLength(20);
        b.Ignore(o => o.Appeal);
        b.HasIndex(o => o.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
