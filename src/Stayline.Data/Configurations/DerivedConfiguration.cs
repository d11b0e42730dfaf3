using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Classes;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class PersonProtectionConfiguration : IEntityTypeConfiguration<PersonProtection>
{
    public void Configure(EntityTypeBuilder<PersonProtection> b)
    {
        b.ToTable("person_protection");
        b.HasKey(p => p.PersonId);
        b.Property(p => p.PersonId).ValueGeneratedNever();
        b.Property(p => p.State).HasMaxLength(16);
        b.Property(p => p.PrimarySource).HasMaxLength(32);
        b.Property(p => p.UntilEvent).HasMaxLength(32);
        // The home page counts detained people by state; the people list filters by it.
        b.HasIndex(p => p.State);
        b.HasOne<Person>().WithOne().HasForeignKey<PersonProtection>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonDerivedHashConfiguration : IEntityTypeConfiguration<PersonDerivedHash>
{
    public void Configure(EntityTypeBuilder<PersonDerivedHash> b)
    {
        b.ToTable("person_derived_hashes");
        b.HasKey(h => h.PersonId);
        b.Property(h => h.PersonId).ValueGeneratedNever();
        // Tied to the protection row: a result whose protection row is gone has no fingerprint and is rewritten whole.
        b.HasOne<PersonProtection>().WithOne().HasForeignKey<PersonDerivedHash>(h => h.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DerivedWatermarkConfiguration : IEntityTypeConfiguration<DerivedWatermark>
{
    public void Configure(EntityTypeBuilder<DerivedWatermark> b)
    {
        b.ToTable("derived_watermark");
        b.Property(w => w.Id).ValueGeneratedNever();
    }
}

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

internal sealed class CourtClosureDayConfiguration : IEntityTypeConfiguration<CourtClosureDay>
{
    public void Configure(EntityTypeBuilder<CourtClosureDay> b)
    {
        b.ToTable("court_closures");
        b.Property(c => c.Court).HasMaxLength(40);
        b.Property(c => c.Reason).HasMaxLength(200);
        b.HasIndex(c => c.Date);
    }
}

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

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("calendar_feeds");
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => f.UserId);
        b.HasOne<StaylineUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
