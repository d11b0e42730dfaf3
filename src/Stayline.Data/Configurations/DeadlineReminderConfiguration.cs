using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class DeadlineReminderConfiguration : IEntityTypeConfiguration<DeadlineReminder>
{
    public void Configure(EntityTypeBuilder<DeadlineReminder> b)
    {
        b.ToTable("deadline_reminders");
        b.Property(r => r.RuleId).HasMaxLength(40);
        b.Property(r => r.Via).HasMaxLength(300);
        // The guard against sending one reminder twice, even from two nodes at once.
        b.HasIndex(r => new { r.UserId, r.PersonId, r.RuleId, r.DueDate, r.DaysBefore }).IsUnique();
        b.HasOne<StaylineUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
