using Microsoft.EntityFrameworkCore;
using Stayline.Domain.Respondents;

namespace Stayline.Data;

/// <summary>What <see cref="Respondents.For"/> needs from the database for a petition dated <c>on</c>: the terms in
/// office that day and every district rule (both small tables), read once for any number of petitions.</summary>
public static class RespondentQueries
{
    public static async Task<(List<OfficeHolder> Holders, List<RespondentRule> Rules)> OnAsync(StaylineDbContext db, DateOnly on, CancellationToken ct) =>
        (await db.OfficeHolders.AsNoTracking().Where(h => h.From <= on && (h.To == null || h.To >= on)).ToListAsync(ct),
            await db.RespondentRules.AsNoTracking().ToListAsync(ct));
}
