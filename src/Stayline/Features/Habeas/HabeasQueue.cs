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
public static class HabeasQueue
{
    /// <summary>
    /// Set-based (grouped joins, no per-person subqueries) so that 100,000 detained people answer in a few table
    /// scans: the last release per person, the first day of custody after it, the latest filed petition per person.
    /// </summary>
    public static IQueryable<QueueCandidate> Candidates(StaylineDbContext db)
    {
        var transferred = CustodyEnd.Transferred;
        var releases = db.CustodyEpisodes.Where(e => e.To != null && e.EndReason != transferred)
            .GroupBy(e => e.PersonId).Select(g => new { PersonId = g.Key, Last = g.Max(e => e.To) });
        var withRelease = from e in db.CustodyEpisodes
                          join r in releases on e.PersonId equals r.PersonId into rs
                          from r in rs.DefaultIfEmpty()
                          select new { e.PersonId, e.From, Released = r.Last };
        var starts = withRelease.Where(x => x.Released == null || x.From >= x.Released)
            .GroupBy(x => x.PersonId).Select(g => new { PersonId = g.Key, Since = g.Min(x => x.From) });
        var petitions = db.Matters.Where(m => m.Kind == MatterKind.HabeasPetition && m.FiledOn != null
                && m.Status != MatterStatus.Drafting && m.Status != MatterStatus.Withdrawn)
            .GroupBy(m => m.PersonId).Select(g => new { PersonId = g.Key, Last = g.Max(m => m.FiledOn) });
        var detained = from p in db.People
                       where p.CustodyStatus == CustodyStatus.Detained
                       join s in starts on p.Id equals s.PersonId
                       join h in petitions on p.Id equals h.PersonId into hs
                       from h in hs.DefaultIfEmpty()
                       select new { p.Id, p.CurrentFacilityId, s.Since, Filed = h.Last };
        return detained.Where(x => x.Filed == null || x.Filed < x.Since)
            .Select(x => new QueueCandidate { PersonId = x.Id, FacilityId = x.CurrentFacilityId, Since = x.Since });
    }

    /// <summary>
    /// One pass over the candidates (sorted in the database, counted and paged here: a second pass for the count
    /// would double the time), then the page's names, attorneys and episodes by id.
    /// </summary>
    public static async Task<QueuePage> RunAsync(StaylineDbContext db, TimeProvider clock, int escalateAfterHours, int skip, int take, CancellationToken ct)
    {
        var all = await Candidates(db).OrderBy(c => c.Since).ThenBy(c => c.PersonId).ToListAsync(ct);
        var page = all.Skip(skip).Take(take).ToList();
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
        var episodes = (await db.CustodyEpisodes.AsNoTracking().Where(e => ids.Contains(e.PersonId)).Select(e => new { e.PersonId, e.Id, e.From }).ToListAsync(ct))
            .ToLookup(e => e.PersonId);
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
            var episode = episodes[r.PersonId].Where(e => e.From == r.Since).Min(e => e.Id);
            return new QueueRow(r.PersonId, r.FacilityId, f.District, r.Since, hours, $"{p.GivenName} {p.FamilyName}".Trim(), ANumber.DisplayOf(p.ANumber),
                f.Name, f.Division, p.AttorneyId, p.AttorneyId is null ? null : users.GetValueOrDefault(p.AttorneyId), p.AttorneyId is null && hours >= escalateAfterHours,
                episode);
        }).ToList();
        return new QueuePage(rows, all.Count);
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
}
