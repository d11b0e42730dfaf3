using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Domain.Work;
using Stayline.Features.Shared;

namespace Stayline.Features.People;

/// <summary>One line of a person's timeline; its title and detail are sentences said in the reader's language (names,
/// places and text typed by users as written).</summary>
public sealed record TimelineEntry(DateTimeOffset At, bool HasTime, string Kind, Sentence Title, Sentence? Detail);

/// <summary>Everything on a person's file that the current user may see, and the timeline built from it.</summary>
public sealed class PersonFile
{
    public required Person Person { get; init; }
    public required IReadOnlyList<CustodyEpisode> Custody { get; init; }
    public required IReadOnlyList<PersonEvent> Events { get; init; }
    public required IReadOnlyList<RemovalOrder> RemovalOrders { get; init; }
    public required IReadOnlyList<Conviction> Convictions { get; init; }
    public required IReadOnlyList<Matter> Matters { get; init; }
    public IReadOnlyList<Hearing> Hearings { get; init; } = [];
    public IReadOnlyList<ReliefClaim> Relief { get; init; } = [];
    public required IReadOnlyList<(ClassAction Class, ClassMembership Membership)> Classes { get; init; }
    public required IReadOnlyList<CourtOrder> Orders { get; init; }
    public required IReadOnlyList<(Assignment Assignment, string Attorney)> Assignments { get; init; }
    public required IReadOnlyList<(Note Note, string Author)> Notes { get; init; }
    public required IReadOnlyList<AuditEvent> Changes { get; init; }
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    public string? FacilityName => Custody.FirstOrDefault(c => c.IsOpen)?.Facility?.Name;

    public static async Task<PersonFile?> LoadAsync(StaylineDbContext db, long id, UserAccess access, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Aliases).Include(p => p.FamilyContacts).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var custody = await db.CustodyEpisodes.AsNoTracking().Include(e => e.Facility).Where(e => e.PersonId == id).OrderBy(e => e.From).ThenBy(e => e.Id).ToListAsync(ct);
        var events = await db.PersonEvents.AsNoTracking().Where(e => e.PersonId == id).OrderBy(e => e.On).ToListAsync(ct);
        var orders = await db.RemovalOrders.AsNoTracking().Where(o => o.PersonId == id).OrderBy(o => o.OrderedOn).ToListAsync(ct);
        var convictions = await db.Convictions.AsNoTracking().Where(o => o.PersonId == id).OrderBy(o => o.ConvictedOn).ToListAsync(ct);
        var matters = await db.Matters.AsNoTracking().Include(m => m.Events).Where(m => m.PersonId == id).OrderBy(m => m.FiledOn).ThenBy(m => m.Id).ToListAsync(ct);
        var hearings = (await db.Hearings.AsNoTracking().Where(h => h.PersonId == id).ToListAsync(ct)).OrderBy(h => h.On).ThenBy(h => h.At).ToList();
        var relief = await db.ReliefClaims.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.Id).ToListAsync(ct);
        var classes = (await db.ClassMemberships.AsNoTracking().Where(m => m.PersonId == id)
            .Join(db.ClassActions, m => m.ClassActionId, c => c.Id, (m, c) => new { m, c }).ToListAsync(ct)).Select(x => (x.c, x.m)).ToList();
        var classIds = classes.Select(c => c.c.Id).ToList();
        var courtOrders = await db.CourtOrders.AsNoTracking()
            .Where(o => o.PersonId == id || (o.ClassActionId != null && classIds.Contains(o.ClassActionId.Value))).OrderBy(o => o.IssuedOn).ToListAsync(ct);
        var assignments = (await db.Assignments.AsNoTracking().Where(a => a.PersonId == id)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a, u.DisplayName, u.Email }).OrderBy(x => x.a.From).ToListAsync(ct))
            .Select(x => (x.a, string.IsNullOrEmpty(x.DisplayName) ? x.Email ?? "" : x.DisplayName)).ToList();
        var notes = (await db.Notes.AsNoTracking().Where(n => n.PersonId == id).Where(access.NoteVisible(db))
            .Join(db.Users, n => n.AuthorId, u => u.Id, (n, u) => new { n, u.DisplayName, u.Email }).OrderBy(x => x.n.CreatedAt).ToListAsync(ct))
            .Select(x => (x.n, string.IsNullOrEmpty(x.DisplayName) ? x.Email ?? "" : x.DisplayName)).ToList();
        // Note texts never reach the timeline through the audit log: that would bypass the privilege predicate.
        var changes = await db.AuditEvents.AsNoTracking()
            .Where(a => a.PersonId == id && a.Action != "view" && a.EntityType != nameof(Note))
            .OrderByDescending(a => a.At).Take(200).ToListAsync(ct);

        return new PersonFile
        {
            Person = person,
            Custody = custody,
            Events = events,
            RemovalOrders = orders,
            Convictions = convictions,
            Matters = matters,
            Hearings = hearings,
            Relief = relief,
            Classes = classes,
            Orders = courtOrders,
            Assignments = assignments,
            Notes = notes,
            Changes = changes,
            Timeline = BuildTimeline(person, custody, events, orders, convictions, matters, classes, courtOrders, assignments, notes, changes),
        };
    }

    private static List<TimelineEntry> BuildTimeline(Person person, List<CustodyEpisode> custody, List<PersonEvent> events,
        List<RemovalOrder> orders, List<Conviction> convictions, List<Matter> matters, List<(ClassAction, ClassMembership)> classes,
        List<CourtOrder> courtOrders, List<(Assignment, string)> assignments, List<(Note, string)> notes, List<AuditEvent> changes)
    {
        var t = new List<TimelineEntry>();
        void Day(DateOnly? d, string kind, Sentence title, string? detail = null) => Dated(d, kind, title, detail is null ? null : Sentence.Verbatim(detail));
        void Dated(DateOnly? d, string kind, Sentence title, Sentence? detail)
        {
            if (d is { } day)
            {
                t.Add(new TimelineEntry(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), false, kind, title, detail));
            }
        }

        foreach (var e in custody)
        {
            Day(e.From, "custody", Sentence.Of($"Held at {e.Facility?.Name}"), e.Facility?.City is { } c ? $"{c}, {e.Facility.State}" : null);
            if (e.To is { } to && e.EndReason != CustodyEnd.Transferred)
            {
                Day(to, "custody", e.EndReason == CustodyEnd.Removed ? Sentence.Of($"Removed from the United States") : Sentence.Of($"Released from {e.Facility?.Name}"));
            }
        }

        foreach (var e in events)
        {
            Day(e.On, "event", Sentences.Term(e.Kind), e.Description);
        }

        foreach (var o in orders)
        {
            var title = (o.IssuedBy == Adjudicator.Board, o.InAbsentia) switch
            {
                (true, false) => Sentence.Of($"Removal ordered by the Board"),
                (true, true) => Sentence.Of($"Removal ordered by the Board in absentia"),
                (false, false) => Sentence.Of($"Removal ordered by an immigration judge"),
                (false, true) => Sentence.Of($"Removal ordered by an immigration judge in absentia"),
            };
            Dated(o.OrderedOn, "order", title, o.CountryDesignated is null ? null : Sentence.Of($"Country designated: {o.CountryDesignated}"));
        }

        foreach (var c in convictions)
        {
            Day(c.ConvictedOn, "conviction", Sentence.Of($"Convicted: {c.Offence}"), c.Sentence);
        }

        foreach (var m in matters)
        {
            Day(m.FiledOn, "matter", Sentence.Of($"{Sentences.Label(m.Kind)} filed"), Join(m.Court, m.CaseNumber));
            Day(m.DecidedOn, "matter", Sentence.Of($"{Sentences.Label(m.Kind)}: {Sentences.Label(m.Status)}"), Join(m.Court, m.CaseNumber));
            foreach (var e in m.Events)
            {
                Day(e.On, "matter", Sentence.Of($"{Sentences.Label(m.Kind)}: {e.Kind}"), e.Description);
            }
        }

        foreach (var (c, m) in classes)
        {
            Day(m.AddedOn, "class", Sentence.Of($"Member of the class in {c.Name}"));
        }

        foreach (var o in courtOrders)
        {
            Day(o.IssuedOn, "court-order", Sentence.Verbatim(o.Title), Join(o.Court, o.CaseNumber));
        }

        foreach (var (a, name) in assignments)
        {
            Day(a.From, "assignment", Sentence.Of($"Assigned to {name}"));
            Day(a.To, "assignment", Sentence.Of($"No longer assigned to {name}"));
        }

        foreach (var (n, author) in notes)
        {
            t.Add(new TimelineEntry(n.CreatedAt, true, "note", n.Privileged ? Sentence.Of($"Privileged note by {author}") : Sentence.Of($"Note by {author}"),
                Sentence.Verbatim(n.Text)));
        }

        foreach (var a in changes)
        {
            var what = Sentences.Localised(Labels.Words(a.EntityType), () => Labels.Entity(a.EntityType));
            var who = Sentences.Localised(a.UserName ?? "", () => a.UserName == AuditActor.System.UserName ? Resources.Strings.Get("Aud.SystemActor") : a.UserName ?? "");
            var title = a.Action switch
            {
                "create" => Sentence.Of($"{what} created by {who}"),
                "delete" => Sentence.Of($"{what} deleted by {who}"),
                _ => Sentence.Of($"{what} updated by {who}"),
            };
            t.Add(new TimelineEntry(a.At, true, "change", title, Describe(a)));
        }

        return t.OrderByDescending(e => e.At).ThenBy(e => e.Kind, StringComparer.Ordinal).ToList();
    }

    /// <summary>"BirthDate: 1970-01-01 → 1971-03-02" from an audit event's before/after JSON.</summary>
    public static Sentence? Describe(AuditEvent a) =>
        a.Action == "update" && a.Before is not null && a.After is not null ? Labels.ChangeSaid(a.Before, a.After) : null;

    private static string? Join(string? a, string? b) => (a, b) switch
    {
        (null, null) => null,
        (_, null) => a,
        (null, _) => b,
        _ => $"{a}, {b}",
    };
}
