using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Matters;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class ConvictionConfiguration : IEntityTypeConfiguration<Conviction>
{
    public void Configure(EntityTypeBuilder<Conviction> b)
    {
        b.ToTable("convictions");
        b.HasIndex(o => o.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
