using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Records;

namespace Stayline.Features.Records;

/// <summary>Reads of the records ledger: one person's requests, and what every agency still owes.</summary>
public static class RecordsLedger
{
    public const int PageSize = 200;

    public static async Task<IReadOnlyList<RecordsRequestDto>> ForPersonAsync(StaylineDbContext db, long personId, DateOnly today, CancellationToken ct)
    {
        var requests = await db.RecordsRequests.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.RequestedOn).ThenBy(r => r.Id).ToListAsync(ct);
        var classDue = Due(await RecordsQueries.ClassDueByPersonAsync(db, [personId], ct), personId);
        return requests.Select(r => RecordsRequestDto.From(r, classDue, today)).ToList();
    }

    public static async Task<RecordsRequestDto> DtoAsync(StaylineDbContext db, RecordsRequest r, DateOnly today, CancellationToken ct)
    {
        var due = await RecordsQueries.ClassDueByPersonAsync(db, [r.PersonId], ct);
        return RecordsRequestDto.From(r, Due(due, r.PersonId), today);
    }

    /// <summary>
    /// Requests still owed, oldest first (the longest outstanding is the likeliest to be late), with counts per agency.
    /// <paramref name="noncompliantOnly"/> keeps those past a court's production date; that date comes from class orders,
    /// so the filter is applied after reading every outstanding request (thousands at most in a crisis, never the 1,000,000
    /// people a list of people must handle).
    /// </summary>
    public static async Task<OutstandingPage> OutstandingAsync(StaylineDbContext db, RecordsAgency? agency, bool noncompliantOnly, int page, DateOnly today,
        CancellationToken ct)
    {
        var open = db.RecordsRequests.AsNoTracking().Where(r => r.Status != RecordsStatus.Produced && r.Status != RecordsStatus.Denied);
        var byAgency = (await open.GroupBy(r => r.Agency).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(x => x.Key).ToDictionary(x => x.Key, x => x.Count);
        var filtered = agency is { } a ? open.Where(r => r.Agency == a) : open;
        var ordered = filtered.OrderBy(r => r.RequestedOn).ThenBy(r => r.Id);
        List<RecordsRequest> rows;
        int total;
        IReadOnlyDictionary<long, DateOnly> classDue;
        if (noncompliantOnly)
        {
            var all = await ordered.ToListAsync(ct);
            classDue = await RecordsQueries.ClassDueByPersonAsync(db, all.Select(r => r.PersonId).Distinct().ToList(), ct);
            var late = all.Where(r => r.IsNoncompliant(Due(classDue, r.PersonId), today)).ToList();
            total = late.Count;
            rows = late.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        }
        else
        {
            total = await filtered.CountAsync(ct);
            rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            classDue = await RecordsQueries.ClassDueByPersonAsync(db, rows.Select(r => r.PersonId).Distinct().ToList(), ct);
        }

        var ids = rows.Select(r => r.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.ANumber }).ToDictionaryAsync(p => p.Id, ct);
        var items = rows.Where(r => people.ContainsKey(r.PersonId)).Select(r =>
        {
            var p = people[r.PersonId];
            return new OutstandingRow(RecordsRequestDto.From(r, Due(classDue, r.PersonId), today), $"{p.GivenName} {p.FamilyName}".Trim(),
                Domain.People.ANumber.DisplayOf(p.ANumber));
        }).ToList();
        return new OutstandingPage(total, byAgency, items);
    }

    public static DateOnly? Due(IReadOnlyDictionary<long, DateOnly> classDue, long personId) =>
        classDue.TryGetValue(personId, out var d) ? d : null;
}
