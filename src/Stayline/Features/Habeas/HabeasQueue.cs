using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;

namespace Stayline.Features.Habeas;

/// <summary>Settings under Stayline:Habeas.</summary>
public sealed class HabeasOptions
{
    public const string Section = "Stayline:Habeas";

    /// <summary>Hours after arrest with no attorney and no petition before a person is escalated to the coordinators.</summary>
    public int EscalateAfterHours { get; set; } = 48;

    /// <summary>Seconds between runs of the watcher that escalates unclaimed people and emails open alerts.</summary>
    public int CheckSeconds { get; set; } = 30;

    /// <summary>
    /// People of the queue each watcher run looks at again, in turn, for what else makes someone unclaimed than time
    /// passing or custody recorded (an assignment ended, a petition withdrawn): the whole queue is looked at every
    /// queue / SweepPerRun runs (AlertService.EscalateAsync).
    /// </summary>
    public int SweepPerRun { get; set; } = 20_000;

    /// <summary>Run the watcher in the web server.</summary>
    public bool Enabled { get; set; } = true;
}

/// <param name="DetainedSince">First day of the current custody (transfers do not restart it).</param>
/// <param name="HoursDetained">Hours since the start of that day: dates carry no time, so this is never less than the true figure.</param>
/// <param name="CustodyEpisodeId">The episode the current custody began with.</param>
public sealed record QueueRow(long PersonId, long? FacilityId, string? District, DateOnly DetainedSince, int HoursDetained, string Name, string? ANumber,
    string? Facility, string? Division, string? AttorneyId, string? Attorney, bool Escalated, long CustodyEpisodeId);

public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, int Total);

/// <summary>
/// The no-petition-yet queue: everyone detained today with no habeas petition filed during this custody, longest
/// detained first. A petition still being drafted or withdrawn does not take anyone off the queue.
/// </summary>
/// <remarks>
/// The current custody is the person's episodes that began on or after their last release (a transfer is not a
/// release; <see cref="CurrentCustody"/> for records that conflict); it began with the first of them (by day, then
/// id). Nothing of it is stored: every path that writes episodes (ledger, import, merge, undo) stays as it is. The
/// page walks the episodes in the order of the index on (From, PersonId), keeps the first episode of each detained
/// person's current custody with no petition filed since its day, and stops after the page
/// (docs/benchmarks/habeas.md). The count is the detained people with custody on record less those with a petition
/// filed during it, which needs the custody's first day only for people with a filed petition.
/// </remarks>
public static class HabeasQueue
{
    /// <summary>Everyone on the queue, one row each, from the episode their current custody began with.</summary>
    public static IQueryable<QueueCandidate> Candidates(StaylineDbContext db)
    {
        var current = CurrentCustody(db);
        var petitions = FiledPetitions(db);
        return from e in current
               where db.People.Any(p => p.Id == e.PersonId && p.CustodyStatus == CustodyStatus.Detained)
                   && !current.Any(o => o.PersonId == e.PersonId && (o.From < e.From || (o.From == e.From && o.Id < e.Id)))
                   && !petitions.Any(m => m.PersonId == e.PersonId && m.FiledOn >= e.From)
               select new QueueCandidate
               {
                   PersonId = e.PersonId,
                   FacilityId = db.People.Where(p => p.Id == e.PersonId).Select(p => p.CurrentFacilityId).FirstOrDefault(),
                   Since = e.From,
                   EpisodeId = e.Id,
               };
    }

    /// <summary>
    /// The queue in its order (longest detained first, then by person): ordered like the index on custody episodes'
    /// (From, PersonId), so that a page reads only as far as its last row.
    /// </summary>
    public static IQueryable<QueueCandidate> Ordered(StaylineDbContext db) => Candidates(db).OrderBy(c => c.Since).ThenBy(c => c.PersonId);

    /// <summary>How many people are on the queue (<see cref="Candidates"/>'s count, without its walk of every episode).</summary>
    public static async Task<int> CountAsync(StaylineDbContext db, CancellationToken ct) =>
        await DetainedWithCustody(db).CountAsync(ct) - await PetitionedDuringCustody(db).CountAsync(ct);

    /// <summary>
    /// Detained people with custody on record: the distinct people of the episodes, joined to people in id order (a
    /// seek per detained person into the episodes, in the order of the people index, reads many more pages).
    /// </summary>
    public static IQueryable<long> DetainedWithCustody(StaylineDbContext db) =>
        db.CustodyEpisodes.Select(e => e.PersonId).Distinct()
            .Join(db.People.Where(p => p.CustodyStatus == CustodyStatus.Detained), id => id, p => p.Id, (id, p) => id);

    /// <summary>Detained people with a habeas petition filed on or after the first day of their current custody.</summary>
    public static IQueryable<long> PetitionedDuringCustody(StaylineDbContext db)
    {
        var current = CurrentCustody(db);
        return FiledPetitions(db)
            .Where(m => db.People.Any(p => p.Id == m.PersonId && p.CustodyStatus == CustodyStatus.Detained)
                && m.FiledOn >= current.Where(o => o.PersonId == m.PersonId).Min(o => (DateOnly?)o.From))
            .Select(m => m.PersonId).Distinct();
    }

    /// <summary>
    /// Episodes of each person's current custody: those no release ended after (they began on or after the last
    /// release), and, where the records conflict (a release recorded after the open episode began, say from an old
    /// file), the open episode and the latest-starting one too: so everyone with custody on record has a current
    /// custody and a first day, and a detained person is never left off the queue for a conflict in their records.
    /// </summary>
    private static IQueryable<CustodyEpisode> CurrentCustody(StaylineDbContext db)
    {
        var transferred = CustodyEnd.Transferred;
        return db.CustodyEpisodes.Where(e => !db.CustodyEpisodes.Any(r => r.PersonId == e.PersonId && r.To > e.From && r.EndReason != transferred)
            || e.To == null || !db.CustodyEpisodes.Any(o => o.PersonId == e.PersonId && o.From > e.From));
    }

    /// <summary>Habeas petitions that take a person off the queue when filed during their current custody.</summary>
    private static IQueryable<Matter> FiledPetitions(StaylineDbContext db) =>
        db.Matters.Where(m => m.Kind == MatterKind.HabeasPetition && m.FiledOn != null && m.Status != MatterStatus.Drafting && m.Status != MatterStatus.Withdrawn);

    /// <summary>The queue's count and one page of it, with names, attorneys, facilities and districts.</summary>
    public static async Task<QueuePage> RunAsync(StaylineDbContext db, TimeProvider clock, int escalateAfterHours, int skip, int take, CancellationToken ct)
    {
        var total = await CountAsync(db, ct);
        List<QueueCandidate> page;
        if (skip > 0 && skip + (take / 2) > total / 2)
        {
            // A page in the second half is read from the end (the index walked backwards), so that the walk before
            // a page is at most half the queue.
            var count = Math.Max(0, Math.Min(take, total - skip));
            page = await Candidates(db).OrderByDescending(c => c.Since).ThenByDescending(c => c.PersonId).Skip(Math.Max(0, total - skip - count)).Take(count).ToListAsync(ct);
            page.Reverse();
        }
        else
        {
            page = await Ordered(db).Skip(skip).Take(take).ToListAsync(ct);
        }

        var ids = page.Select(r => r.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.GivenName,
                p.FamilyName,
                p.ANumber,
                AttorneyId = db.Assignments.Where(a => a.PersonId == p.Id && a.To == null).OrderBy(a => a.From).ThenBy(a => a.Id).Select(a => a.UserId).FirstOrDefault(),
            }).ToDictionaryAsync(p => p.Id, ct);
        var facilityIds = page.Where(r => r.FacilityId is not null).Select(r => r.FacilityId!.Value).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => (f.Name, f.District, f.Division), ct);
        var userIds = people.Values.Where(r => r.AttorneyId is not null).Select(r => r.AttorneyId!).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, ct);
        var now = clock.GetUtcNow();
        var rows = page.Select(r =>
        {
            var p = people[r.PersonId];
            var f = r.FacilityId is { } id && facilities.TryGetValue(id, out var x) ? x : default;
            var hours = HoursSince(r.Since, now, clock.LocalTimeZone);
            return new QueueRow(r.PersonId, r.FacilityId, f.District, r.Since, hours, $"{p.GivenName} {p.FamilyName}".Trim(), ANumber.DisplayOf(p.ANumber),
                f.Name, f.Division, p.AttorneyId, p.AttorneyId is null ? null : users.GetValueOrDefault(p.AttorneyId), p.AttorneyId is null && hours >= escalateAfterHours,
                r.EpisodeId);
        }).ToList();
        return new QueuePage(rows, total);
    }

    /// <summary>Hours from the start of <paramref name="day"/> in the court's (the server's) time zone.</summary>
    public static int HoursSince(DateOnly day, DateTimeOffset now, TimeZoneInfo zone)
    {
        var start = day.ToDateTime(TimeOnly.MinValue);
        var startUtc = new DateTimeOffset(start, zone.GetUtcOffset(start));
        return Math.Max(0, (int)Math.Floor((now - startUtc).TotalHours));
    }
}

public sealed class QueueCandidate
{
    public long PersonId { get; init; }
    public long? FacilityId { get; init; }
    public DateOnly Since { get; init; }

    /// <summary>The episode the current custody began with.</summary>
    public long EpisodeId { get; init; }
}
