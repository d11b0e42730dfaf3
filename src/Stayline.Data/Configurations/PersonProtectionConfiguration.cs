using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
        // The home page counts detained people by state; the people list filters by it and sorts by the day
        // protection ends (read in that order from this index, a page at a time).
        b.HasIndex(p => new { p.State, p.UntilDate });
        // One state's people in person order (the rows of the index above are in date order within a state).
        b.HasIndex(p => p.State);
        // The "by next deadline" order: people in the order of their earliest open deadline, walked a page at a time.
        b.HasIndex(p => new { p.NextDueDate, p.PersonId });
        b.HasOne<Person>().WithOne().HasForeignKey<PersonProtection>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
