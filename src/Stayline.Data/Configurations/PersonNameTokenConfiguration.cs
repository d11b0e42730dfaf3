using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

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
