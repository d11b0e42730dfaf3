using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Matching;
using Stayline.Domain.Organisations;

namespace Stayline.Features.Organisations;

/// <summary>One hit of a conflict check: who (the name as recorded), in which organisation, in which role. Nothing else
/// of another organisation's file: no notes, documents, matters, dates or ids.</summary>
public sealed record ConflictHit(string Organisation, string Role, string Name);

public sealed record ConflictCheckDto(long Id, string Name, ConflictPurpose Purpose, long? PersonId, DateTimeOffset CheckedAt, string CheckedBy,
    IReadOnlyList<ConflictHit> Hits, ConflictDecision? Decision, string? DecisionReason, string? DecidedBy);

public sealed record ConflictCheckWrite(string? Name, ConflictPurpose? Purpose, long? PersonId);

public sealed record ConflictDecisionWrite(ConflictDecision? Decision, string? Reason);

/// <summary>
/// Conflict checks across every organisation: clients, their family contacts and adverse parties whose names carry all
/// the spelling keys of the name checked (the linkage engine's name keys, <see cref="NameKeys"/>: "Yusuf Al Jaburi"
/// finds "Yousif Aljabouri", Arabic script its Latin spellings). The search ignores organisation scoping on purpose
/// and returns only names, owning organisations and roles. Each check and its decision are stored and audited.
/// </summary>
public static class ConflictChecks
{
    public const string Client = "client";
    public const string FamilyContact = "family contact";
    public const string AdverseParty = "adverse party";

    /// <summary>Most hits listed for one check (a common name: the reader narrows it).</summary>
    public const int MaxHits = 100;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The hits for a name, across organisations (the person being checked excluded).</summary>
    public static async Task<List<ConflictHit>> SearchAsync(StaylineDbContext db, string name, long? excludePersonId, CancellationToken ct) =>
        await SearchAsync(db, await ConflictIndex.LoadAsync(db, ct), name, excludePersonId, ct);

    /// <summary>
    /// Family contacts and adverse parties carry no key index: their names are read and keyed once into this (names,
    /// owning organisation and person only), so checking many people (a bulk assignment) scans them once, not per person.
    /// </summary>
    public sealed class ConflictIndex
    {
        internal Dictionary<long, string> Organisations { get; private init; } = [];
        internal List<(string Name, long PersonId, long OrganisationId, HashSet<string> Keys)> Contacts { get; private init; } = [];
        internal List<(string Name, long PersonId, long OrganisationId, HashSet<string> Keys)> Adverse { get; private init; } = [];

        public static async Task<ConflictIndex> LoadAsync(StaylineDbContext db, CancellationToken ct)
        {
            var contacts = await db.FamilyContacts.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).AsNoTracking()
                .Join(db.People.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]), c => c.PersonId, p => p.Id, (c, p) => new { c.Name, c.PersonId, p.OrganisationId })
                .ToListAsync(ct);
            var adverse = await db.AdverseParties.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).AsNoTracking()
                .Select(a => new { a.Name, a.PersonId, a.OrganisationId }).ToListAsync(ct);
            return new ConflictIndex
            {
                Organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct),
                Contacts = contacts.ConvertAll(c => (c.Name, c.PersonId, c.OrganisationId, KeySet(c.Name))),
                Adverse = adverse.ConvertAll(a => (a.Name, a.PersonId, a.OrganisationId, KeySet(a.Name))),
            };
        }
    }

    private static HashSet<string> KeySet(string name) => Data.PersonSearch.KeysFor(name).ToHashSet(StringComparer.Ordinal);

    public static async Task<List<ConflictHit>> SearchAsync(StaylineDbContext db, ConflictIndex index, string name, long? excludePersonId, CancellationToken ct)
    {
        var keys = Data.PersonSearch.KeysFor(name).Take(6).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var orgs = index.Organisations;
        var hits = new List<ConflictHit>();

        // Clients: the people index's key tokens, every organisation (the visibility filter is lifted for this query only).
        IQueryable<long>? ids = null;
        foreach (var key in keys)
        {
            var carriers = db.NameKeys.Where(k => k.Key == key).Select(k => k.Token);
            var byKey = db.NameTokens.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).Where(t => carriers.Contains(t.Token)).Select(t => t.PersonId);
            ids = ids is null ? byKey : ids.Intersect(byKey);
        }

        var clientIds = await ids!.Distinct().Take(MaxHits + 1).ToListAsync(ct);
        var clients = await db.People.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).AsNoTracking()
            .Where(p => clientIds.Contains(p.Id) && p.Id != excludePersonId)
            .Select(p => new { p.GivenName, p.FamilyName, p.OrganisationId }).ToListAsync(ct);
        hits.AddRange(clients.Select(c => new ConflictHit(orgs[c.OrganisationId], Client, $"{c.GivenName} {c.FamilyName}".Trim())));
        hits.AddRange(index.Contacts.Where(c => c.PersonId != excludePersonId && keys.All(c.Keys.Contains))
            .Select(c => new ConflictHit(orgs[c.OrganisationId], FamilyContact, c.Name)));
        hits.AddRange(index.Adverse.Where(a => a.PersonId != excludePersonId && keys.All(a.Keys.Contains))
            .Select(a => new ConflictHit(orgs[a.OrganisationId], AdverseParty, a.Name)));
        return hits.OrderBy(h => h.Role, StringComparer.Ordinal).ThenBy(h => h.Organisation, StringComparer.Ordinal).ThenBy(h => h.Name, StringComparer.Ordinal)
            .Take(MaxHits).ToList();
    }

    /// <summary>Runs a check and stores it (with its hits as shown); the save audits it. No hit: recorded as "proceed".</summary>
    public static async Task<(ConflictCheck Check, List<ConflictHit> Hits)> RunAsync(StaylineDbContext db, string name, ConflictPurpose purpose, long? personId,
        AuditActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var organisation = db.Visibility.OrganisationId ?? await db.CoordinatingOrganisationIdAsync(ct) ?? 0;
        var hits = await SearchAsync(db, name, personId, ct);
        var check = Record(db, name, purpose, personId, organisation, hits, actor, now);
        await db.SaveChangesAsync(ct);
        return (check, hits);
    }

    /// <summary>A check with its hits, added to the context for the caller's save, on behalf of an organisation.</summary>
    internal static ConflictCheck Record(StaylineDbContext db, string name, ConflictPurpose purpose, long? personId, long organisationId, List<ConflictHit> hits,
        AuditActor actor, DateTimeOffset now)
    {
        var check = new ConflictCheck(purpose, name.Trim(), personId, organisationId, actor.UserId, actor.UserName, now, hits.Count, JsonSerializer.Serialize(hits, Json));
        if (hits.Count == 0)
        {
            check.Decide(ConflictDecision.Proceed, "no hits", actor.UserId, actor.UserName, now);
        }

        db.ConflictChecks.Add(check);
        return check;
    }

    /// <summary>A check the reader may read: their organisation's, or any for a reader who sees all.</summary>
    public static async Task<ConflictCheck?> FindAsync(StaylineDbContext db, long id, CancellationToken ct)
    {
        var reader = db.Visibility;
        return await db.ConflictChecks.FirstOrDefaultAsync(c => c.Id == id && (reader.All || c.OrganisationId == reader.OrganisationId), ct);
    }

    /// <summary>Records a decision on a check the reader may read (every path that decides comes here).</summary>
    public static async Task<(ConflictCheck? Check, Sentence? Error)> DecideAsync(StaylineDbContext db, long id, ConflictDecision? decision, string? reason,
        AuditActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var check = await FindAsync(db, id, ct);
        if (check is null)
        {
            return (null, null);
        }

        var error = decision is { } d ? check.Decide(d, reason, actor.UserId, actor.UserName, now) : Sentence.Of($"Give a decision: Proceed, Decline or Waived.");
        if (error is null)
        {
            await db.SaveChangesAsync(ct);
        }

        return (check, error);
    }

    public static ConflictCheckDto ToDto(ConflictCheck c) => new(c.Id, c.Name, c.Purpose, c.PersonId, c.CheckedAt, c.CheckedByName,
        JsonSerializer.Deserialize<List<ConflictHit>>(c.HitsJson, Json) ?? [], c.Decision, c.DecisionReason, c.DecidedByName);

    public static RouteGroupBuilder MapConflictsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/conflicts").WithTags("Conflicts").RequireAuthorization(Permissions.EditPeople);
        group.MapPost("/", Check);
        group.MapPost("/{id:long}/decision", Decide);
        return group;
    }

    private static async Task<Results<Ok<ConflictCheckDto>, ValidationProblem>> Check(ConflictCheckWrite body, StaylineDbContext db, AuditActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > 400)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Give the name to check (at most 400 characters)."] });
        }

        if (body.PersonId is { } pid && !await db.People.AnyAsync(p => p.Id == pid, ct))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["personId"] = [$"No person {pid} that you can see."] });
        }

        var (check, _) = await RunAsync(db, body.Name, body.Purpose ?? ConflictPurpose.Intake, body.PersonId, actor, clock.GetUtcNow(), ct);
        return TypedResults.Ok(ToDto(check));
    }

    private static async Task<Results<Ok<ConflictCheckDto>, NotFound, ValidationProblem>> Decide(long id, ConflictDecisionWrite body, StaylineDbContext db,
        AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var (check, error) = await DecideAsync(db, id, body.Decision, body.Reason, actor, clock.GetUtcNow(), ct);
        if (check is null)
        {
            return TypedResults.NotFound();
        }

        return error is not null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["decision"] = [error.ToString()] })
            : TypedResults.Ok(ToDto(check));
    }
}
