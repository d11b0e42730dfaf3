using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Protection;
using Stayline.Features.Protection;

namespace Stayline.Features.Records;

/// <summary>The production dates class orders set, per member.</summary>
public static class RecordsQueries
{
    /// <summary>For each of <paramref name="personIds"/> in a class whose stay order sets a production date, the earliest such date.</summary>
    public static async Task<IReadOnlyDictionary<long, DateOnly>> ClassDueByPersonAsync(StaylineDbContext db, IReadOnlyCollection<long> personIds,
        CancellationToken ct)
    {
        var byClass = await ClassDueByClassAsync(db, ct);
        if (byClass.Count == 0 || personIds.Count == 0)
        {
            return new Dictionary<long, DateOnly>();
        }

        var classIds = byClass.Keys.ToList();
        var memberships = await db.ClassMemberships.AsNoTracking()
            .Where(m => classIds.Contains(m.ClassActionId) && personIds.Contains(m.PersonId))
            .Select(m => new { m.PersonId, m.ClassActionId }).ToListAsync(ct);
        return memberships.GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.Min(m => byClass[m.ClassActionId]));
    }

    /// <summary>The earliest production date set by any stay order of each class (classes without one are absent).</summary>
    public static async Task<IReadOnlyDictionary<long, DateOnly>> ClassDueByClassAsync(StaylineDbContext db, CancellationToken ct)
    {
        var orders = await db.CourtOrders.AsNoTracking()
            .Where(o => o.ClassActionId != null && o.Kind == CourtOrderKind.ClassStay && o.TermsJson != null)
            .Select(o => new { ClassId = o.ClassActionId!.Value, o.TermsJson }).ToListAsync(ct);
        return orders
            .Select(o => (o.ClassId, Due: FactsReader.ReadTerms<ClassStayTerms>(o.TermsJson)?.RecordsDueOn))
            .Where(o => o.Due is not null)
            .GroupBy(o => o.ClassId)
            .ToDictionary(g => g.Key, g => g.Min(o => o.Due!.Value));
    }
}
