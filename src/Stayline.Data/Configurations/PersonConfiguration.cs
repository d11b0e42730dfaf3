using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.Property(p => p.ANumber).HasMaxLength(9);
        b.HasIndex(p => p.ANumber).IsUnique();
        b.Property(p => p.GivenName).HasMaxLength(200);
        b.Property(p => p.FamilyName).HasMaxLength(200);
        b.Property(p => p.NativeName).HasMaxLength(400);
        b.Property(p => p.SortName).HasMaxLength(401);
        b.HasIndex(p => p.SortName);
        b.Property(p => p.BirthDatePrecision).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.CustodyStatus).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(p => new { p.CustodyStatus, p.CurrentFacilityId });
        // A facility's people in name order (the people list filtered to one facility, and the facility sort): the page
        // is read from this index alone instead of sorting the facility's thousands (docs/benchmarks/people-list.md).
        b.HasIndex(p => new { p.CurrentFacilityId, p.SortName });
        // A facility's people with their organisation (what the scoping reads), in id order: counting a facility's list
        // and joining its people with their deadlines read no row of people (through the index above, every person
        // counted was a random read of the table: 40-90 ms for 2,000).
        b.HasIndex(p => new { p.CurrentFacilityId, p.OrganisationId });
        // The people list sorts by birth date.
        b.HasIndex(p => p.BirthDate);
        b.Property(p => p.Citizenship).HasMaxLength(100);
        b.Property(p => p.Languages).HasMaxLength(200);
        b.Property(p => p.BirthPlace).HasMaxLength(Person.ParticularLength);
        b.Property(p => p.FatherName).HasMaxLength(Person.ParticularLength);
        b.Property(p => p.MotherName).HasMaxLength(Person.ParticularLength);
        b.Property(p => p.City).HasMaxLength(Person.ParticularLength);
        b.Property(p => p.Email).HasMaxLength(Person.ParticularLength);
        b.Property(p => p.Phone).HasMaxLength(Person.ParticularLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.FullName);
        b.Ignore(p => p.ANumberDisplay);
        // What the person's rows of person_name_tokens are (PersonSearch.NameIndex): they are found and deleted
        // from it, so the token table needs no second index by person.
        b.Property<string?>(PersonSearch.NameIndexColumn);
        b.HasMany(p => p.Aliases).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.FamilyContacts).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.CustodyEpisodes).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        // Partners' lists: an organisation's people in name order.
        b.HasIndex(p => new { p.OrganisationId, p.SortName });
        // A partner's people in one custody status: their filtered list ("detained, no lawyer") is counted from this
        // range when their organisation alone decides whom they see; from (CustodyStatus, ...) each detained person of
        // every organisation was read from the table for the scoping (225 ms of CPU a page at a million, session 16).
        b.HasIndex(p => new { p.OrganisationId, p.CustodyStatus });
        // The Protection list with a custody filter, in name order: one organisation's people in one custody, or
        // everyone's, walked from the key without reading the other custodies (a page of the released read 14,000
        // people through the name index at a million, session 18).
        b.HasIndex(p => new { p.OrganisationId, p.CustodyStatus, p.SortName });
        b.HasIndex(p => new { p.CustodyStatus, p.SortName });
        b.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Custody.Facility>().WithMany().HasForeignKey(p => p.CurrentFacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}
