using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.People;

namespace Stayline.Features.Dashboard;

public sealed record FacilityCount(long Id, string Name, string? Place, int Detained, int WithoutLawyer);

public sealed record PersonLink(long Id, string Name, string? ANumber, string? Facility, DateOnly? DetainedSince);

public sealed record DashboardData(
    IReadOnlyList<ChartItem> Custody,
    IReadOnlyList<ChartItem> Assignment,
    IReadOnlyList<ChartItem> Attorneys,
    IReadOnlyList<ChartItem> MatterStatus,
    IReadOnlyList<ChartItem> TopFacilities,
    IReadOnlyList<FacilityCount> Facilities,
    IReadOnlyList<PersonLink> Unassigned,
    int UnassignedTotal,
    IReadOnlyList<ChartItem>? Protection,
    IReadOnlyList<ChartItem>? DeadlinesByWeek,
    IReadOnlyList<PersonLink>? Unprotected);

/// <summary>The counts behind the dashboard: grouped in the database, a few small queries.</summary>
public static class DashboardQuery
{
    public const int ListLength = 25;

    public static async Task<DashboardData> RunAsync(StaylineDbContext db, IDashboardSignals signals, DateOnly today, CancellationToken ct)
    {
        var custody = (await db.People.GroupBy(p => p.CustodyStatus).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(x => x.Key).Select(x => new ChartItem(x.Key.ToString(), x.Count, $"/People?Status={x.Key}")).ToList();
        var assignedIds = db.Assignments.Where(a => a.To == null).Select(a => a.PersonId);
        var detained = db.People.Where(p => p.CustodyStatus == CustodyStatus.Detained);
        var total = await db.People.CountAsync(ct);
        var assigned = await db.People.CountAsync(p => assignedIds.Contains(p.Id), ct);
        var assignment = new List<ChartItem>
        {
            new("Has a lawyer", assigned, "/People?HasLawyer=true"),
            new("No lawyer", total - assigned, "/People?HasLawyer=false"),
        };
        var attorneys = (await db.Assignments.Where(a => a.To == null).GroupBy(a => a.UserId).Select(g => new { g.Key, Count = g.Count() })
                .Join(db.Users, g => g.Key, u => u.Id, (g, u) => new { u.Id, u.DisplayName, u.Email, g.Count }).ToListAsync(ct))
            .OrderByDescending(a => a.Count).Take(12)
            .Select(a => new ChartItem(string.IsNullOrEmpty(a.DisplayName) ? a.Email ?? a.Id : a.DisplayName, a.Count, $"/People?AttorneyId={Uri.EscapeDataString(a.Id)}")).ToList();
        var matters = (await db.Matters.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(x => x.Key).Select(x => new ChartItem(x.Key.ToString(), x.Count)).ToList();

        var perFacility = await detained.Where(p => p.CurrentFacilityId != null).GroupBy(p => p.CurrentFacilityId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count(), WithoutLawyer = g.Count(p => !assignedIds.Contains(p.Id)) }).ToListAsync(ct);
        var ids = perFacility.Select(f => f.Id).ToList();
        var names = await db.Facilities.Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.Name, f.City, f.State }).ToDictionaryAsync(f => f.Id, ct);
        var facilities = perFacility
            .Select(f => new FacilityCount(f.Id, names[f.Id].Name, Place(names[f.Id].City, names[f.Id].State), f.Count, f.WithoutLawyer))
            .OrderByDescending(f => f.Detained).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        var top = facilities.Take(10).Select(f => new ChartItem(f.Name, f.Detained, $"/Facilities/Details?id={f.Id.ToString(CultureInfo.InvariantCulture)}")).ToList();
        if (facilities.Count > 10)
        {
            top.Add(new ChartItem(Resources.Strings.Say(Domain.Common.Sentence.Of($"{facilities.Count - 10} other facilities")), facilities.Skip(10).Sum(f => f.Detained)));
        }

        // Detained people with no lawyer come first, longest held first: they are the most exposed.
        var unassignedQuery = detained.Where(p => !assignedIds.Contains(p.Id));
        var unassignedTotal = await unassignedQuery.CountAsync(ct);
        var unassigned = await Links(db, unassignedQuery, ct);

        var unprotectedIds = await signals.UnprotectedAsync(ct);
        var unprotected = unprotectedIds is null ? null : await Links(db, db.People.Where(p => unprotectedIds.Contains(p.Id)), ct);
        return new DashboardData(custody, assignment, attorneys, matters, top, facilities, unassigned, unassignedTotal,
            await signals.ProtectionAsync(ct), await signals.DeadlinesByWeekAsync(today, 8, ct), unprotected);
    }

    private static async Task<IReadOnlyList<PersonLink>> Links(StaylineDbContext db, IQueryable<Person> people, CancellationToken ct)
    {
        var rows = await people
            .Select(p => new
            {
                p.Id,
                p.GivenName,
                p.FamilyName,
                p.ANumber,
                Facility = db.Facilities.Where(f => f.Id == p.CurrentFacilityId).Select(f => f.Name).FirstOrDefault(),
                Since = db.CustodyEpisodes.Where(e => e.PersonId == p.Id && e.To == null).Select(e => (DateOnly?)e.From).Max(),
            })
            .OrderBy(x => x.Since).ThenBy(x => x.Id).Take(ListLength).ToListAsync(ct);
        return rows.Select(r => new PersonLink(r.Id, $"{r.GivenName} {r.FamilyName}".Trim(),
            ANumber.DisplayOf(r.ANumber), r.Facility, r.Since)).ToList();
    }

    private static string? Place(string? city, string? state) =>
        city is null && state is null ? null : string.Join(", ", new[] { city, state }.Where(s => s is not null));
}
