using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;

namespace Stayline.Features.People;

/// <summary>Checks that need the database, shared by the pages and the API.</summary>
public static class PeopleRules
{
    public static async Task<FieldError?> DuplicateANumberAsync(StaylineDbContext db, string? aNumber, long? exceptId, CancellationToken ct)
    {
        if (aNumber is null)
        {
            return null;
        }

        var other = await db.People.AsNoTracking().Where(p => p.ANumber == aNumber && p.Id != exceptId)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName }).FirstOrDefaultAsync(ct);
        return other is null
            ? null
            : new FieldError("ANumber", $"A-number {Domain.People.ANumber.FromStored(aNumber).Display} already belongs to {other.GivenName} {other.FamilyName} (person {other.Id}).");
    }
}
