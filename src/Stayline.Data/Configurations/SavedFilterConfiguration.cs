using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data;

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> b)
    {
        b.ToTable("saved_filters");
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Query).HasMaxLength(2000);
        b.HasIndex(t => new { t.UserId, t.Name }).IsUnique();
        b.HasOne<StaylineUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
