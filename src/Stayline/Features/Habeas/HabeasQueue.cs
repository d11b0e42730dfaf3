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
    public static IQueryable<QueueCandidate> Candidates(StaylineDbContext db)
    {
        var transferred = CustodyEnd.Transferred;
        return from p in db.People
               where p.CustodyStatus == CustodyStatus.Detained
               let lastRelease = db.CustodyEpisodes.Where(e => e.PersonId == p.Id && e.To != null && e.EndReason != transferred).Max(e => (DateOnly?)e.To)
               let since = db.CustodyEpisodes.Where(e => e.PersonId == p.Id && (lastRelease == null || e.From >= lastRelease)).Min(e => (DateOnly?)e.From)
               where since != null
               where !db.Matters.Any(m => m.PersonId == p.Id && m.Kind == MatterKind.HabeasPetition && m.FiledOn != null && m.FiledOn >= since
                   && m.Status != MatterStatus.Drafting && m.Status != MatterStatus.Withdrawn)
               select new QueueCandidate
               {
                   PersonId = p.Id,
                   FacilityId = p.CurrentFacilityId,
                   Since = since!.Value,
                   AttorneyId = db.Assignments.Where(a => a.PersonId == p.Id && a.To == null).OrderBy(a => a.From).ThenBy(a => a.Id).Select(a => a.UserId).FirstOrDefault(),
               };
    }

    public static async Task<QueuePage> RunAsync(StaylineDbContext db, TimeProvider clock, int escalateAfterHours, int skip, int take, CancellationToken ct)
    {
        var candidates = Candidates(db);
        var total = await candidates.CountAsync(ct);
        var page = await candidates.OrderBy(c => c.Since).ThenBy(c => c.PersonId).Skip(skip).Take(take)
            .Select(c => new
            {
                c.PersonId,
                c.FacilityId,
                c.Since,
                c.AttorneyId,
                Person = db.People.Where(p => p.Id == c.PersonId).Select(p => new { p.GivenName, p.FamilyName, p.ANumber }).First(),
                EpisodeId = db.CustodyEpisodes.Where(e => e.PersonId == c.PersonId && e.From == c.Since).Min(e => e.Id),
            }).ToListAsync(ct);
        var facilityIds = page.Where(r => r.FacilityId is not null).Select(r => r.FacilityId!.Value).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => (f.Name, f.District, f.Division), ct);
        var userIds = page.Where(r => r.AttorneyId is not null).Select(r => r.AttorneyId!).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, ct);
        var now = clock.GetUtcNow();
        var rows = page.Select(r =>
        {
            var f = r.FacilityId is { } id && facilities.TryGetValue(id, out var x) ? x : default;
            var hours = HoursSince(r.Since, now, clock.LocalTimeZone);
            return new QueueRow(r.PersonId, r.FacilityId, f.District, r.Since, hours, $"{r.Person.GivenName} {r.Person.FamilyName}".Trim(),
                ANumber.DisplayOf(r.Person.ANumber), f.Name, f.Division, r.AttorneyId, r.AttorneyId is null ? null : users.GetValueOrDefault(r.AttorneyId),
                r.AttorneyId is null && hours >= escalateAfterHours, r.EpisodeId);
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
    public string? AttorneyId { get; init; }
}
