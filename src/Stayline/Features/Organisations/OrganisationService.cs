using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Organisations;

namespace Stayline.Features.Organisations;

/// <summary>One organisation as the admin page and `org list` show it.</summary>
public sealed record OrganisationRow(long Id, string Name, bool IsCoordinating, IReadOnlyList<string> Users, int People);

/// <summary>Organisations: adding one (audited by the save), finding one by name, and the list with users and people counts.</summary>
public static class OrganisationService
{
    /// <summary>The organisation named (case-insensitive), or the coordinating one when no name is given.</summary>
    public static async Task<(long Id, string? Error)> ResolveAsync(StaylineDbContext db, string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return await db.CoordinatingOrganisationIdAsync(ct) is { } coordinating
                ? (coordinating, null)
                : (0, "There is no coordinating organisation: run `./stayline db migrate`.");
        }

        var wanted = name.Trim();
        var all = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var found = all.FirstOrDefault(o => string.Equals(o.Name, wanted, StringComparison.OrdinalIgnoreCase));
        return found is null
            ? (0, $"No organisation named \"{wanted}\". Add it with: ./stayline org add --name \"{wanted}\"")
            : (found.Id, null);
    }

    /// <summary>Adds an organisation; <paramref name="coordinating"/> hands it the coordinating role (the previous
    /// coordinating organisation becomes a partner: there is always exactly one).</summary>
    public static async Task<(Organisation? Organisation, Sentence? Error)> AddAsync(StaylineDbContext db, string? name, bool coordinating, DateTimeOffset now,
        CancellationToken ct)
    {
        var (organisation, error) = Organisation.Create(name, coordinating, now);
        if (organisation is null)
        {
            return (null, error);
        }

        var names = await db.Organisations.AsNoTracking().Select(o => o.Name).ToListAsync(ct);
        if (names.Any(n => string.Equals(n, organisation.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, Sentence.Of($"An organisation named \"{organisation.Name}\" already exists."));
        }

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (coordinating)
        {
            foreach (var previous in await db.Organisations.Where(o => o.IsCoordinating).ToListAsync(ct))
            {
                previous.SetCoordinating(false);
            }

            // The unique index allows one flagged row: clear the old flag before the new row carries it.
            await db.SaveChangesAsync(ct);
        }

        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return (organisation, null);
    }

    /// <summary>What a user may see, read from the database (for reads made for a user who is not signed in: a calendar
    /// feed); the same rule as their session's claims (Infrastructure.VisibilityClaims).</summary>
    public static async Task<Visibility> VisibilityOfAsync(StaylineDbContext db, string userId, CancellationToken ct)
    {
        var org = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
        if (org is not { } id)
        {
            return Visibility.Nobody;
        }

        var coordinating = await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == id && o.IsCoordinating, ct);
        var admin = coordinating && await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin), ct);
        return Visibility.For(id, admin);
    }

    /// <summary>Every organisation with its users and the number of its people the reader may see (a partner's
    /// admin sees only their own and those shared with them counted).</summary>
    public static async Task<List<OrganisationRow>> ListAsync(StaylineDbContext db, CancellationToken ct)
    {
        var orgs = await db.Organisations.AsNoTracking().OrderByDescending(o => o.IsCoordinating).ThenBy(o => o.Name).ToListAsync(ct);
        var users = (await db.Users.AsNoTracking().Where(u => u.OrganisationId != null).Select(u => new { u.OrganisationId, u.Email }).ToListAsync(ct))
            .ToLookup(u => u.OrganisationId!.Value, u => u.Email ?? "");
        var people = await db.People.AsNoTracking().GroupBy(p => p.OrganisationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return orgs.ConvertAll(o => new OrganisationRow(o.Id, o.Name, o.IsCoordinating, users[o.Id].Order(StringComparer.OrdinalIgnoreCase).ToList(),
            people.GetValueOrDefault(o.Id)));
    }
}
