using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Classes;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

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
        // By person, then state and date: a person's open deadlines are a range (the people list checks that a row is
        // its person's earliest open one; with only PersonId here SQLite took the (State, DueDate) index instead: 10 s).
        b.HasIndex(d => new { d.PersonId, d.State, d.DueDate });
        // No index on DueDate alone: every reader filters by state or rule too (the two indexes below); on PostgreSQL it
        // drew the board's section page away from the rule index (docs/adr/0010-derived-deadlines-storage.md).
        // The people list sorts by next deadline: open deadlines read in due order, a page at a time. The same index
        // counts the deadlines board's sections by rule without reading a row: the visibility filter needs PersonId, and
        // an index without it made every count read the (wide) rows: session 8's board bench, p95 4.6 s a page.
        b.HasIndex(d => new { d.State, d.DueDate, d.PersonId, d.RuleId, d.CourtOrderId });
        // The deadlines board: each rule's rows read a page at a time in due order after a cursor, and each section counted
        // by rule. SQLite counts through this index (its order is the GROUP BY's), so State and PersonId (the section and
        // visibility filters) must be in it too: without them every count read the window's wide rows, about 0.5 s a
        // section at 120,000 rows (docs/benchmarks/deadlines.md, session 9).
        b.HasIndex(d => new { d.RuleId, d.CourtOrderId, d.DueDate, d.Id, d.State, d.PersonId });
        b.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CourtOrder>().WithMany().HasForeignKey(d => d.CourtOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
