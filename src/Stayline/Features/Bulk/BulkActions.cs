using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Features.People;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

using Stayline.Tables;

namespace Stayline.Features.Bulk;

/// <summary>
/// Who a bulk action is for: explicit ids (a multi-select), a people-list filter, and/or a pasted or uploaded
/// list of A-numbers (any common format, separated by lines, commas, semicolons or spaces). All given parts are combined.
/// </summary>
public sealed record BulkSelection(IReadOnlyList<long>? PersonIds = null, PeopleFilter? Filter = null, string? ANumbers = null)
{
    /// <summary>The ids ticked in the people list, as a form carries them ("12,40,7"); anything not a positive id is dropped.</summary>
    public static List<long> ParseIds(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
}

public enum BulkActionKind
{
    AssignAttorney,
    AddToClass,
    RecordEvent,
    Transfer,
    Export,
}

/// <summary>What to do to every selected person; only the parameters of the kind are read.</summary>
public sealed record BulkAction(BulkActionKind Kind, string? AttorneyId = null, long? ClassId = null, PersonEventKind? EventKind = null,
    DateOnly? On = null, string? Description = null, long? FacilityId = null);

public sealed record BulkTarget(long PersonId, string Name, string? ANumber);

/// <summary>Someone (a person, or an A-number nobody has) the action leaves out, and why.</summary>
/// <remarks>Records of this file carry sentences (said on the pages in the reader's language) and give them as English
/// text to the API and the CLI (<see cref="Reason"/>, <see cref="BulkPreview.Description"/>, <see cref="BulkResult.Message"/>...).</remarks>
public sealed record BulkSkip(string Who, [property: JsonIgnore] Sentence Said)
{
    /// <summary>A skip read back from the API (its reason as the English it says).</summary>
    [JsonConstructor]
    public BulkSkip(string who, string reason)
        : this(who, Sentence.Verbatim(reason))
    {
    }

    public string Reason => Said.ToString();
}

public sealed record BulkPreview([property: JsonIgnore] Sentence Describes, IReadOnlyList<BulkTarget> Change, IReadOnlyList<BulkSkip> Skipped,
    [property: JsonIgnore] IReadOnlyList<Sentence> Problems)
{
    /// <summary>A preview read back from the API (its sentences as the English they say).</summary>
    [JsonConstructor]
    public BulkPreview(string description, IReadOnlyList<BulkTarget> change, IReadOnlyList<BulkSkip> skipped, IReadOnlyList<string> errors)
        : this(Sentence.Verbatim(description), change, skipped, [.. errors.Select(Sentence.Verbatim)])
    {
    }

    public string Description => Describes.ToString();

    public IReadOnlyList<string> Errors => [.. Problems.Select(p => p.ToString())];

    public bool CanApply => Problems.Count == 0 && Change.Count > 0;
}

public sealed record BulkResult(bool Applied, int Changed, IReadOnlyList<BulkSkip> Skipped, [property: JsonIgnore] IReadOnlyList<Sentence> Problems,
    [property: JsonIgnore] Sentence Said, long? BatchId = null)
{
    /// <summary>A result read back from the API (its sentences as the English they say).</summary>
    [JsonConstructor]
    public BulkResult(bool applied, int changed, IReadOnlyList<BulkSkip> skipped, IReadOnlyList<string> errors, string message, long? batchId)
        : this(applied, changed, skipped, [.. errors.Select(Sentence.Verbatim)], Sentence.Verbatim(message), batchId)
    {
    }

    public IReadOnlyList<string> Errors => [.. Problems.Select(p => p.ToString())];

    public string Message => Said.ToString();
}

/// <summary>
/// Bulk actions on a selection of people. <see cref="PreviewAsync"/> says who will change, who is skipped and
/// why, and changes nothing; <see cref="ApplyAsync"/> re-checks and applies to all in one transaction (audited
/// per change by the context), or to none.
/// </summary>
public sealed class BulkActions(StaylineDbContext db, TimeProvider clock, AuditActor actor)
{
    /// <summary>A selection larger than this is refused: split it (a filter that matches everyone is usually a mistake).</summary>
    public const int MaxPeople = 20_000;

    /// <summary>Why an assignment skips someone who already has this attorney (the people list counts them apart).</summary>
    public static Sentence AlreadyAssigned => Sentence.Of($"already assigned to this attorney");

    public async Task<BulkPreview> PreviewAsync(BulkSelection selection, BulkAction action, CancellationToken ct = default)
    {
        var preview = await PlanAsync(selection, action, ct);
        db.ChangeTracker.Clear();
        return preview;
    }

    public async Task<BulkResult> ApplyAsync(BulkSelection selection, BulkAction action, CancellationToken ct = default)
    {
        if (action.Kind == BulkActionKind.Export)
        {
            var export = await PreviewAsync(selection, action, ct);
            return new BulkResult(export.CanApply, export.Change.Count, export.Skipped, export.Problems, export.Describes);
        }

        if (action.Kind == BulkActionKind.AssignAttorney && action.AttorneyId is { } attorney && await db.Users.AnyAsync(u => u.Id == attorney, ct))
        {
            // Conflict checks the assignee's organisation lacks are run and stored first: they stay on record (with their
            // hits, for a decision) even when the plan is refused and its transaction rolled back.
            // Only people the attorney's organisation may see and who are not theirs already: a check carries the name.
            var ids = await ResolveAsync(selection, [], [], ct);
            var skip = await AlreadyDoneAsync(action, ids, ct);
            skip.UnionWith(await UnseenByAttorneyAsync(attorney, ids, ct));
            await Organisations.AssignmentConflicts.BlocksAsync(db, ids.Where(id => !skip.Contains(id)).ToList(), await Organisations.AssignmentConflicts.OrganisationOfAsync(db, attorney, ct),
                actor, clock.GetUtcNow(), save: true, ct);
            db.ChangeTracker.Clear();
        }

        // The batch is written first, in the same transaction, so the rows can carry its id; a refused plan rolls it back.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await BulkBatches.BeginAsync(db, BatchKind(action.Kind), clock.GetUtcNow(), ct);
        var before = new Dictionary<long, Custody.PersonCustodyBefore>();
        var plan = await PlanAsync(selection, action, ct, before);
        if (!plan.CanApply)
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(ct);
            var why = plan.Problems.Count > 0 ? Sentences.Joined(plan.Problems) : Sentence.Of($"Nobody to change.");
            return new BulkResult(false, 0, plan.Skipped, plan.Problems, Sentence.Of($"Nothing changed. {why}"));
        }

        BulkBatches.Stamp(db, batch);
        BulkBatches.Describe(batch, plan.Describes);
        batch.People = plan.Change.Count;
        batch.Before = before.Count == 0 ? null : JsonSerializer.Serialize(before);
        db.AuditEvents.Add(new Domain.Work.AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, "bulk", action.Kind.ToString(),
            batch.Id.ToString(CultureInfo.InvariantCulture), null, null,
            JsonSerializer.Serialize(new { plan.Description, people = plan.Change.Count, skipped = plan.Skipped.Count })));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new BulkResult(true, plan.Change.Count, plan.Skipped, [],
            Sentence.Of($"{plan.Describes}: {plan.Change.Count:N0} people changed, {plan.Skipped.Count:N0} skipped."), batch.Id);
    }

    private static Sentence Label(PersonEventKind? kind) => kind is { } k ? Sentences.Term(k) : Sentence.Verbatim("");

    private static BulkBatchKind BatchKind(BulkActionKind kind) => kind switch
    {
        BulkActionKind.AssignAttorney => BulkBatchKind.AssignAttorney,
        BulkActionKind.AddToClass => BulkBatchKind.AddToClass,
        BulkActionKind.Transfer => BulkBatchKind.Transfer,
        _ => BulkBatchKind.RecordEvent,
    };

    /// <summary>The selected people (minus skips) as a table, for a spreadsheet or a report to the court.</summary>
    public async Task<(Table Table, BulkPreview Preview)> ExportAsync(BulkSelection selection, CancellationToken ct = default)
    {
        var preview = await PreviewAsync(selection, new BulkAction(BulkActionKind.Export), ct);
        var ids = preview.Change.Select(c => c.PersonId).ToList();
        var rows = new List<(Person P, string? Facility)>();
        foreach (var chunk in ids.Chunk(500))
        {
            rows.AddRange((await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { P = p, F = db.Facilities.Where(f => f.Id == p.CurrentFacilityId).Select(f => f.Name).FirstOrDefault() })
                .ToListAsync(ct)).Select(x => (x.P, x.F)));
        }

        var table = new Table(["id", "a_number", "given_name", "family_name", "dob", "country", "custody", "facility"]);
        foreach (var (p, facility) in rows.OrderBy(r => r.P.SortName, StringComparer.Ordinal))
        {
            table.Add(p.Id.ToString(CultureInfo.InvariantCulture), p.ANumberDisplay, p.GivenName, p.FamilyName,
                p.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Citizenship, p.CustodyStatus.ToString(), facility);
        }

        return (table, preview);
    }

    /// <summary>Resolves the selection, checks the action, and applies it to tracked entities (saved only by Apply).</summary>
    private async Task<BulkPreview> PlanAsync(BulkSelection selection, BulkAction action, CancellationToken ct, Dictionary<long, Custody.PersonCustodyBefore>? before = null)
    {
        var skipped = new List<BulkSkip>();
        var errors = new List<Sentence>();
        var ids = await ResolveAsync(selection, skipped, errors, ct);
        var description = await DescribeAsync(action, errors, ct);
        if (errors.Count > 0)
        {
            return new BulkPreview(description, [], skipped, errors);
        }

        var people = new List<Person>();
        foreach (var chunk in ids.Chunk(500))
        {
            var q = db.People.Where(p => chunk.Contains(p.Id));
            people.AddRange(action.Kind == BulkActionKind.Transfer ? await q.Include(p => p.CustodyEpisodes).ToListAsync(ct) : await q.ToListAsync(ct));
        }

        people.Sort((a, b) => string.CompareOrdinal(a.SortName, b.SortName));
        var change = new List<BulkTarget>();
        var today = clock.Today();
        var already = await AlreadyDoneAsync(action, ids, ct);
        var unseen = action.Kind == BulkActionKind.AssignAttorney ? await UnseenByAttorneyAsync(action.AttorneyId!, ids, ct) : [];
        // Apply has stored the missing checks already; a preview runs them without storing, to say what apply will meet.
        var conflicts = action.Kind == BulkActionKind.AssignAttorney
            ? await Organisations.AssignmentConflicts.BlocksAsync(db, ids.Where(id => !already.Contains(id) && !unseen.Contains(id)).ToList(),
                await Organisations.AssignmentConflicts.OrganisationOfAsync(db, action.AttorneyId!, ct), actor, clock.GetUtcNow(), save: false, ct)
            : [];
        foreach (var p in people)
        {
            var who = p.ANumberDisplay is null ? p.FullName : $"{p.FullName} ({p.ANumberDisplay})";
            var reason = already.Contains(p.Id) ? action.Kind switch
            {
                BulkActionKind.AssignAttorney => AlreadyAssigned,
                BulkActionKind.AddToClass => Sentence.Of($"already a member of the class"),
                _ => Sentence.Of($"already has \"{Label(action.EventKind)}\" on {action.On:yyyy-MM-dd}"),
            } : unseen.Contains(p.Id) ? Sentence.Of($"the attorney's organisation cannot see this person: share the person with it first")
              : conflicts.TryGetValue(p.Id, out var conflict) ? conflict.Said : null;
            if (reason is null)
            {
                switch (action.Kind)
                {
                    case BulkActionKind.AssignAttorney:
                        db.Assignments.Add(new Domain.Work.Assignment(p.Id, action.AttorneyId!, today));
                        break;
                    case BulkActionKind.AddToClass:
                        db.ClassMemberships.Add(new ClassMembership(action.ClassId!.Value, p.Id, today));
                        break;
                    case BulkActionKind.RecordEvent:
                        db.PersonEvents.Add(new PersonEvent(p.Id, action.EventKind!.Value, action.On!.Value, action.Description));
                        break;
                    case BulkActionKind.Transfer:
                        if (!p.CustodyEpisodes.Any(e => e.IsOpen))
                        {
                            before?.TryAdd(p.Id, new Custody.PersonCustodyBefore(p.CustodyStatus, p.CurrentFacilityId));
                        }

                        var errs = p.CustodyEpisodes.Any(e => e.IsOpen)
                            ? CustodyLedger.Transfer(p, action.FacilityId!.Value, action.On!.Value, today)
                            : CustodyLedger.Detain(p, action.FacilityId!.Value, action.On!.Value, today);
                        reason = errs.Count > 0 ? Sentences.Joined(errs.Select(e => e.Sentence)) : null;
                        break;
                }
            }

            if (reason is null)
            {
                change.Add(new BulkTarget(p.Id, p.FullName, p.ANumberDisplay));
            }
            else
            {
                skipped.Add(new BulkSkip(who, reason));
            }
        }

        return new BulkPreview(description, change, skipped, errors);
    }

    /// <summary>
    /// The people an attorney could not open once assigned: neither their organisation's clients nor shared with it
    /// (the organisation rule, <see cref="Visibility"/>; an attorney of the coordinating organisation's admins sees all).
    /// </summary>
    private async Task<HashSet<long>> UnseenByAttorneyAsync(string attorneyId, List<long> ids, CancellationToken ct)
    {
        var sees = await Organisations.OrganisationService.VisibilityOfAsync(db, attorneyId, ct);
        var unseen = new HashSet<long>();
        foreach (var chunk in ids.Chunk(500))
        {
            unseen.UnionWith(await db.PeopleHiddenFrom(sees).Where(p => chunk.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct));
        }

        return unseen;
    }

    private async Task<HashSet<long>> AlreadyDoneAsync(BulkAction action, List<long> ids, CancellationToken ct)
    {
        var done = new HashSet<long>();
        foreach (var chunk in ids.Chunk(500))
        {
            var q = action.Kind switch
            {
                BulkActionKind.AssignAttorney => db.Assignments.Where(a => chunk.Contains(a.PersonId) && a.UserId == action.AttorneyId && a.To == null).Select(a => a.PersonId),
                BulkActionKind.AddToClass => db.ClassMemberships.Where(m => chunk.Contains(m.PersonId) && m.ClassActionId == action.ClassId).Select(m => m.PersonId),
                BulkActionKind.RecordEvent => db.PersonEvents.Where(e => chunk.Contains(e.PersonId) && e.Kind == action.EventKind && e.On == action.On).Select(e => e.PersonId),
                _ => null,
            };
            if (q is not null)
            {
                done.UnionWith(await q.ToListAsync(ct));
            }
        }

        return done;
    }

    private async Task<Sentence> DescribeAsync(BulkAction a, List<Sentence> errors, CancellationToken ct)
    {
        var today = clock.Today();
        if (a.Kind is BulkActionKind.RecordEvent or BulkActionKind.Transfer)
        {
            if (a.On is null)
            {
                errors.Add(Sentence.Of($"Give the date."));
            }
            else if (a.On > today)
            {
                errors.Add(Sentence.Of($"The date {a.On:yyyy-MM-dd} is in the future."));
            }
        }

        switch (a.Kind)
        {
            case BulkActionKind.AssignAttorney:
                var attorney = a.AttorneyId is null ? null : await db.VisibleUsers.AsNoTracking().Where(u => u.Id == a.AttorneyId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
                if (attorney is null)
                {
                    errors.Add(Sentence.Of($"Choose an attorney."));
                }

                return Sentence.Of($"Assign to {attorney}");
            case BulkActionKind.AddToClass:
                var cls = await db.ClassActions.AsNoTracking().Where(c => c.Id == a.ClassId).Select(c => c.Name).FirstOrDefaultAsync(ct);
                if (cls is null)
                {
                    errors.Add(Sentence.Of($"Choose a class."));
                }

                return Sentence.Of($"Add to the class {cls}");
            case BulkActionKind.RecordEvent:
                if (a.EventKind is null)
                {
                    errors.Add(Sentence.Of($"Choose what happened."));
                }
                else if (a.EventKind is PersonEventKind.Transferred or PersonEventKind.Released or PersonEventKind.Removed)
                {
                    errors.Add(Sentence.Of($"Record \"{Label(a.EventKind)}\" as a custody change (transfer), so the custody history stays right."));
                }

                return Sentence.Of($"Record \"{Label(a.EventKind)}\" on {a.On:yyyy-MM-dd}");
            case BulkActionKind.Transfer:
                var facility = await db.Facilities.AsNoTracking().Where(f => f.Id == a.FacilityId).Select(f => f.Name).FirstOrDefaultAsync(ct);
                if (facility is null)
                {
                    errors.Add(Sentence.Of($"Choose the facility."));
                }

                return Sentence.Of($"Transfer to {facility} on {a.On:yyyy-MM-dd}");
            default:
                return Sentence.Of($"Export");
        }
    }

    /// <summary>The people a selection names (ids, a people-list filter, pasted A-numbers), with what could not be matched.</summary>
    public async Task<List<long>> ResolveAsync(BulkSelection s, List<BulkSkip> skipped, List<Sentence> errors, CancellationToken ct)
    {
        var ids = new HashSet<long>();
        if (s.PersonIds is { Count: > 0 } explicitIds)
        {
            foreach (var chunk in explicitIds.Distinct().Chunk(500))
            {
                var found = await db.People.Where(p => chunk.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
                ids.UnionWith(found);
                skipped.AddRange(chunk.Except(found).Select(id => new BulkSkip($"person {id}", Sentence.Of($"no such person (deleted or merged?)"))));
            }
        }

        if (s.Filter is { } filter)
        {
            var matched = await PeopleQuery.Filter(db, filter).Select(p => p.Id).Take(MaxPeople + 1).ToListAsync(ct);
            ids.UnionWith(matched);
        }

        if (!string.IsNullOrWhiteSpace(s.ANumbers))
        {
            var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var text in SplitList(s.ANumbers))
            {
                if (ANumber.TryParse(text, out var a, out var error))
                {
                    wanted.TryAdd(a.Value.Digits, text);
                }
                else
                {
                    skipped.Add(new BulkSkip(text, error!));
                }
            }

            foreach (var chunk in wanted.Keys.Chunk(500))
            {
                var found = await db.People.Where(p => p.ANumber != null && chunk.Contains(p.ANumber)).Select(p => new { p.Id, p.ANumber }).ToListAsync(ct);
                ids.UnionWith(found.Select(f => f.Id));
                var known = found.Select(f => f.ANumber!).ToHashSet(StringComparer.Ordinal);
                skipped.AddRange(chunk.Where(d => !known.Contains(d)).Select(d => new BulkSkip(wanted[d], Sentence.Of($"no person has this A-number"))));
            }
        }

        if (s.PersonIds is not { Count: > 0 } && s.Filter is null && string.IsNullOrWhiteSpace(s.ANumbers))
        {
            errors.Add(Sentence.Of($"Select people: tick them in the list, use a filter, or paste A-numbers."));
        }

        if (ids.Count > MaxPeople)
        {
            errors.Add(Sentence.Of($"The selection has more than {MaxPeople:N0} people; narrow the filter."));
        }

        return [.. ids];
    }

    /// <summary>A-numbers pasted from a spreadsheet column, an email or a CSV: one per line, or separated by , ; or tabs.</summary>
    public static IEnumerable<string> SplitList(string text)
    {
        foreach (var line in text.Split(['\r', '\n', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "A012 345 678" is one number; "A012345678 A023456789" are two.
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 && parts.All(p => p.TrimStart('A', 'a').Length >= 8))
            {
                foreach (var p in parts)
                {
                    yield return p;
                }
            }
            else if (!string.Equals(ColumnHeader(line), "anumber", StringComparison.Ordinal))
            {
                yield return line;
            }
        }
    }

    private static string ColumnHeader(string line) => Domain.Importing.ColumnMapping.NormaliseHeader(line);
}
