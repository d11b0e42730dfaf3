using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Organisations;

namespace Stayline.Features.Organisations;

/// <summary>Why a person may not be assigned yet, and the check to decide (null when the check could not be run).</summary>
public sealed record AssignmentBlock(long PersonId, long? CheckId, Sentence Said)
{
    public string Reason => Said.ToString();
}

/// <summary>
/// The conflict check before an assignment, one rule for every path that assigns (the people list and the person page
/// through the bulk action, the case board's claim): the assignee's organisation must have a check on record for the
/// person whose latest decision is "proceed" or "waived". A person the organisation never checked is checked now (an
/// assignment check, stored and audited; no hits is decided "proceed" at once, so the assignment goes ahead); a check
/// with hits waits for a person to decide it (the person page, the board, or <c>POST /api/v1/conflicts/{id}/decision</c>),
/// and a declined one stops the assignment.
/// </summary>
public static class AssignmentConflicts
{
    /// <summary>The organisation an assignee acts for: their own, or the coordinating one for an account without one.</summary>
    public static async Task<long> OrganisationOfAsync(StaylineDbContext db, string userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct)
        ?? await db.CoordinatingOrganisationIdAsync(ct) ?? 0;

    /// <summary>
    /// Runs and saves an assignment check for every person of <paramref name="personIds"/> the organisation has none for
    /// (a preview passes <paramref name="save"/> false: the searches run, nothing is stored, and the outcome is the one
    /// the assignment would meet). Returns the people who may not be assigned, with the reason.
    /// </summary>
    public static async Task<Dictionary<long, AssignmentBlock>> BlocksAsync(StaylineDbContext db, IReadOnlyCollection<long> personIds, long organisationId,
        AuditActor actor, DateTimeOffset now, bool save, CancellationToken ct)
    {
        var latest = await LatestAsync(db, personIds, organisationId, ct);
        var notChecked = personIds.Where(id => !latest.ContainsKey(id)).ToList();
        var blocks = new Dictionary<long, AssignmentBlock>();
        if (notChecked.Count > 0)
        {
            var index = await ConflictChecks.ConflictIndex.LoadAsync(db, ct);
            foreach (var chunk in notChecked.Chunk(500))
            {
                var people = await db.People.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).AsNoTracking().Where(p => chunk.Contains(p.Id))
                    .Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct);
                foreach (var p in people)
                {
                    var name = $"{p.GivenName} {p.FamilyName}".Trim();
                    var hits = await ConflictChecks.SearchAsync(db, index, name, p.Id, ct);
                    if (save)
                    {
                        var check = ConflictChecks.Record(db, name, ConflictPurpose.Assignment, p.Id, organisationId, hits, actor, now);
                        latest[p.Id] = check;
                    }
                    else if (hits.Count > 0)
                    {
                        blocks[p.Id] = new AssignmentBlock(p.Id, null, Waiting(hits.Count, null));
                    }
                }
            }

            if (save)
            {
                await db.SaveChangesAsync(ct);
            }
        }

        foreach (var (personId, check) in latest)
        {
            if (check.Decision is ConflictDecision.Proceed or ConflictDecision.Waived)
            {
                continue;
            }

            blocks[personId] = new AssignmentBlock(personId, check.Id, check.Decision == ConflictDecision.Decline
                ? Sentence.Of($"conflict check {check.Id} was declined for the assignee's organisation")
                : Waiting(check.HitCount, check.Id));
        }

        return blocks;
    }

    private static Sentence Waiting(int hits, long? checkId) => (checkId, hits) switch
    {
        (null, 1) => Sentence.Of($"conflict check found {hits} possible conflict for the assignee's organisation: it needs a decision (proceed, decline or waive) first"),
        (null, _) => Sentence.Of($"conflict check found {hits} possible conflicts for the assignee's organisation: it needs a decision (proceed, decline or waive) first"),
        (_, 1) => Sentence.Of($"conflict check {checkId} found {hits} possible conflict for the assignee's organisation: it needs a decision (proceed, decline or waive) first"),
        _ => Sentence.Of($"conflict check {checkId} found {hits} possible conflicts for the assignee's organisation: it needs a decision (proceed, decline or waive) first"),
    };

    /// <summary>The latest check per person by the organisation (intake or assignment alike).</summary>
    private static async Task<Dictionary<long, ConflictCheck>> LatestAsync(StaylineDbContext db, IReadOnlyCollection<long> personIds, long organisationId, CancellationToken ct)
    {
        var latest = new Dictionary<long, ConflictCheck>();
        foreach (var chunk in personIds.Chunk(500))
        {
            var checks = await db.ConflictChecks.Where(c => c.OrganisationId == organisationId && c.PersonId != null && chunk.Contains(c.PersonId.Value))
                .ToListAsync(ct);
            foreach (var c in checks.OrderBy(c => c.Id))
            {
                latest[c.PersonId!.Value] = c;
            }
        }

        return latest;
    }
}
