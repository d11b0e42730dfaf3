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

        // Past the organisation filter: the A-number is unique across the install, and a client of another organisation
        // would otherwise fail at the unique index. That organisation is named (as a conflict check names it), the person not.
        var other = await db.People.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).AsNoTracking().Where(p => p.ANumber == aNumber && p.Id != exceptId)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.OrganisationId }).FirstOrDefaultAsync(ct);
        if (other is null)
        {
            return null;
        }

        var display = Domain.People.ANumber.FromStored(aNumber).Display;
        if (await db.People.AnyAsync(p => p.Id == other.Id, ct))
        {
            return new FieldError("ANumber", Sentence.Of($"A-number {display} already belongs to {other.GivenName} {other.FamilyName} (person {other.Id})."));
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == other.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return new FieldError("ANumber", Sentence.Of(
            $"A-number {display} already belongs to a client of {(object?)organisation ?? Sentence.Of($"another organisation")}: ask that organisation to share the person with yours instead of creating a second record."));
    }
}
