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
        b.HasIndex(p => p.CurrentFacilityId);
        b.Property(p => p.Citizenship).HasMaxLength(100);
        b.Property(p => p.Languages).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.FullName);
        b.Ignore(p => p.ANumberDisplay);
        // What the person's rows of person_name_tokens are (PersonSearch.NameIndex): they are found and deleted
        // from it, so the token table needs no second index by person.
        b.Property<string?>(PersonSearch.NameIndexColumn);
        b.HasMany(p => p.Aliases).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.FamilyContacts).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.CustodyEpisodes).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Domain.Custody.Facility>().WithMany().HasForeignKey(p => p.CurrentFacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> b)
    {
        b.ToTable("person_names");
        b.Property(p => p.GivenName).HasMaxLength(200);
        b.Property(p => p.FamilyName).HasMaxLength(200);
        b.Property(p => p.Source).HasMaxLength(200);
        b.Ignore(p => p.FullName);
    }
}

internal sealed class FamilyContactConfiguration : IEntityTypeConfiguration<FamilyContact>
{
    public void Configure(EntityTypeBuilder<FamilyContact> b)
    {
        b.ToTable("family_contacts");
        b.Property(p => p.Name).HasMaxLength(200);
    }
}

internal sealed class PersonNameTokenConfiguration : IEntityTypeConfiguration<PersonNameToken>
{
    public void Configure(EntityTypeBuilder<PersonNameToken> b)
    {
        b.ToTable("person_name_tokens");
        // Token first: prefix search is a range scan on this key. "C" collation in PostgreSQL so the
        // range [prefix, prefix + U+FFFF) means what it means in SQLite's binary order. The person's sort
        // name next: the key covers the search's first page (one token's matches come already in name order,
        // a prefix's are sorted from the index alone, without reading a row of people).
        b.HasKey(t => new { t.Token, t.SortName, t.PersonId });
        b.Property(t => t.Token).HasMaxLength(100);
        b.Property(t => t.SortName).HasMaxLength(401);
        // No index by person and no foreign key: each would cost as much to write as the rows (about four per
        // person). A person's rows are found from people."NameIndex" (exact keys), and a trigger on people
        // deletes them with the person (the migrations SQL generators add it: ADR 0003).
    }
}

internal sealed class PersonNameKeyConfiguration : IEntityTypeConfiguration<PersonNameKey>
{
    public void Configure(EntityTypeBuilder<PersonNameKey> b)
    {
        b.ToTable("name_keys");
        // Key first: a search looks up the tokens of a key.
        b.HasKey(k => new { k.Key, k.Token });
        b.Property(k => k.Key).HasMaxLength(100);
        b.Property(k => k.Token).HasMaxLength(100);
    }
}
