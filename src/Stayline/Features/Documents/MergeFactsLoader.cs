using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Documents;
using Stayline.Domain.Respondents;

namespace Stayline.Features.Documents;

/// <summary>Loads the merge facts of many people in a handful of queries (one per kind of fact), never one per person.</summary>
internal static class MergeFactsLoader
{
    /// <param name="on">The draft's date: the respondents named are the officials in office that day.</param>
    /// <param name="signer">The drafting attorney for the signature block (null: nobody signed in).</param>
    public static async Task<IReadOnlyList<PersonMergeFacts>> LoadAsync(StaylineDbContext db, IReadOnlyCollection<long>? personIds, DateOnly on, Signer? signer,
        CancellationToken ct)
    {
        var ids = personIds?.Distinct().ToList();
        var all = ids is null;
        var people = await db.People.AsNoTracking().Include(p => p.Aliases).AsSplitQuery()
            .Where(p => all || ids!.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        var facilities = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, ct);
        var since = (await db.CustodyEpisodes.AsNoTracking().Where(e => e.To == null && (all || ids!.Contains(e.PersonId)))
                .Select(e => new { e.PersonId, e.From }).ToListAsync(ct))
            .GroupBy(e => e.PersonId).ToDictionary(g => g.Key, g => g.Max(e => e.From));
        var orders = (await db.RemovalOrders.AsNoTracking().Where(o => all || ids!.Contains(o.PersonId)).ToListAsync(ct))
            .GroupBy(o => o.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(o => o.OrderedOn)!);
        var convictions = (await db.Convictions.AsNoTracking().Where(c => all || ids!.Contains(c.PersonId)).OrderBy(c => c.ConvictedOn).ToListAsync(ct))
            .ToLookup(c => c.PersonId);
        var matters = (await db.Matters.AsNoTracking().Where(m => all || ids!.Contains(m.PersonId)).OrderBy(m => m.FiledOn).ThenBy(m => m.Id).ToListAsync(ct))
            .ToLookup(m => m.PersonId);
        var classes = await db.ClassActions.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var membership = (await db.ClassMemberships.AsNoTracking().Where(m => all || ids!.Contains(m.PersonId)).ToListAsync(ct))
            .GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.AddedOn).First().ClassActionId);
        var attorneys = (await db.Assignments.AsNoTracking().Where(a => a.To == null && (all || ids!.Contains(a.PersonId)))
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.PersonId, a.From, u.DisplayName, u.Email }).ToListAsync(ct))
            .GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.From).First());

        var (holders, rules) = await RespondentQueries.OnAsync(db, on, ct);

        return people.Select(p =>
        {
            var attorney = attorneys.GetValueOrDefault(p.Id);
            var facility = p.CurrentFacilityId is { } fid ? facilities.GetValueOrDefault(fid) : null;
            return new PersonMergeFacts(
                p,
                facility,
                since.TryGetValue(p.Id, out var s) ? s : null,
                orders.GetValueOrDefault(p.Id),
                convictions[p.Id].ToList(),
                matters[p.Id].ToList(),
                membership.TryGetValue(p.Id, out var cid) ? classes.GetValueOrDefault(cid) : null,
                attorney is null ? null : string.IsNullOrEmpty(attorney.DisplayName) ? attorney.Email : attorney.DisplayName,
                attorney?.Email,
                Respondents.For(facility, on, holders, rules),
                signer);
        }).ToList();
    }

    /// <summary>The signed-in user's name, e-mail and admissions; null for the command line or an unknown user.</summary>
    public static async Task<Signer?> SignerAsync(StaylineDbContext db, string? userId, CancellationToken ct)
    {
        if (userId is null)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var admissions = await db.BarAdmissions.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct);
        return new Signer(string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? userId : user.DisplayName, user.Email, admissions);
    }
}
