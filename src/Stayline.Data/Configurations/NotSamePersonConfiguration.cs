using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class NotSamePersonConfiguration : IEntityTypeConfiguration<NotSamePerson>
{
    public void Configure(EntityTypeBuilder<NotSamePerson> b)
    {
        b.ToTable("not_same_people");
        b.HasKey(x => new { x.LowId, x.HighId });
        b.Property(x => x.UserName).HasMaxLength(256);
    }
}
