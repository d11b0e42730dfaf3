using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Hotline;
using Stayline.Domain.Matching;
using Stayline.Domain.People;
using Stayline.Features.Import;
using Stayline.Features.People;
using Stayline.Infrastructure;

namespace Stayline.Features.Intake;

/// <summary>A hotline report as staff see it in the queue, with the linkage engine's suggestion.</summary>
public sealed record IntakeRow(long Id, DateTimeOffset ReceivedAt, string Language, string DetaineeName, string? ANumber, string CallerName, string CallerPhone,
    string? Facility, string? Notes, HotlineReportStatus Status, long? SuggestedPersonId, string? SuggestedPersonName, double? SuggestedScore, long? PersonId,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionNote);

public sealed record IntakePage<T>(int Total, int Skip, int Take, IReadOnlyList<T> Items);

public sealed record CallRow(long Id, DateTimeOffset At, string CallerName, string? CallerPhone, long? PersonId, string? PersonName, string? AboutName,
    string? Summary, string Promised, string TakenBy, long? HotlineReportId);

public sealed record CallInput(string? CallerName, string? CallerPhone, long? PersonId, string? AboutName, string? Summary, string? Promised, long? HotlineReportId);

public sealed record IntakeOutcome(bool Done, [property: JsonIgnore] Sentence Said, long? PersonId = null, bool NotFound = false)
{
    /// <summary>An outcome read back from the API (its message as the English it says).</summary>
    [JsonConstructor]
    public IntakeOutcome(bool done, string message, long? personId, bool notFound)
        : this(done, Sentence.Verbatim(message), personId, notFound)
    {
    }

    public string Message => Said.ToString();
}

/// <summary>
/// The intake queue of hotline reports and the hotline's call log. Reports are linked to known people here, in one
/// batch when staff open the queue, not when the public form posts: a post costs one insert, whoever sends it.
/// </summary>
public sealed class IntakeService(StaylineDbContext db, TimeProvider clock, AuditActor actor)
{
    public const int MaxTake = 500;

    /// <summary>
    /// Suggests a person for every report not linked yet: the same A-number is a link outright; otherwise the linkage
    /// engine (the import's and review queue's scorer) against every known person and alias, kept when it says
    /// "same person" or "needs review".
    /// </summary>
    public async Task<int> LinkPendingAsync(CancellationToken ct = default)
    {
        var pending = await db.HotlineReports.Where(r => r.LinkedAt == null).OrderBy(r => r.Id).Take(1000).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var numbers = pending.Where(r => r.ANumber != null).Select(r => r.ANumber!).Distinct().ToList();
        var byANumber = (await db.People.AsNoTracking().Where(p => p.ANumber != null && numbers.Contains(p.ANumber))
            .Select(p => new { p.Id, p.ANumber }).ToListAsync(ct)).ToDictionary(p => p.ANumber!, p => p.Id, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var rest = new List<HotlineReport>();
        foreach (var r in pending)
        {
            if (r.ANumber is not null && byANumber.TryGetValue(r.ANumber, out var id))
            {
                r.Suggest(id, 1, now);
            }
            else
            {
                rest.Add(r);
            }
        }

        if (rest.Count > 0)
        {
            var known = await KnownRecords.LoadAsync(db, ct);
            var best = new Dictionary<int, (long PersonId, double Score)>();
            if (known.Records.Count > 0)
            {
                foreach (var pair in Linker.Link(rest.Select(Record).ToList(), known.Records))
                {
                    if (pair.Decision != MatchDecision.Different && (!best.TryGetValue(pair.Left, out var b) || pair.Score > b.Score))
                    {
                        best[pair.Left] = (known.PersonIds[pair.Right], pair.Score);
                    }
                }
            }

            for (var i = 0; i < rest.Count; i++)
            {
                rest[i].Suggest(best.TryGetValue(i, out var b) ? b.PersonId : null, best.TryGetValue(i, out b) ? b.Score : null, now);
            }
        }

        await db.SaveChangesAsync(ct);
        return pending.Count;
    }

    /// <summary>A caller gives one name: the last word is taken as the family name (the linker also compares names
    /// with the parts swapped).</summary>
    public static (string Given, string Family) SplitName(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length switch
        {
            0 => ("", ""),
            1 => (words[0], ""),
            _ => (string.Join(' ', words[..^1]), words[^1]),
        };
    }

    private static PersonRecord Record(HotlineReport r)
    {
        var (given, family) = SplitName(r.DetaineeName);
        return new PersonRecord("hotline-" + r.Id.ToString(CultureInfo.InvariantCulture), given, family, Domain.Matching.BirthDate.Missing,
            r.ANumber is null ? null : ANumber.FromStored(r.ANumber), null);
    }

    public async Task<IntakePage<IntakeRow>> QueueAsync(HotlineReportStatus? status, int skip, int take, CancellationToken ct = default)
    {
        await LinkPendingAsync(ct);
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxTake);
        var q = db.HotlineReports.AsNoTracking().Where(r => status == null || r.Status == status);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        var ids = rows.SelectMany(r => new[] { r.SuggestedPersonId, r.PersonId }).OfType<long>().Distinct().ToList();
        // Only people the reader may see (the organisation rule): a suggestion or a link to another organisation's client
        // shows as none, its id and score too.
        var names = (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => $"{p.GivenName} {p.FamilyName}".Trim());
        long? Seen(long? id) => id is { } v && names.ContainsKey(v) ? v : null;
        return new IntakePage<IntakeRow>(total, skip, take, rows.Select(r => new IntakeRow(r.Id, r.ReceivedAt, r.Language, r.DetaineeName,
            ANumber.DisplayOf(r.ANumber), r.CallerName, r.CallerPhone, r.Facility, r.Notes, r.Status, Seen(r.SuggestedPersonId),
            Seen(r.SuggestedPersonId) is { } s ? names[s] : null, Seen(r.SuggestedPersonId) is null ? null : r.SuggestedScore, Seen(r.PersonId),
            r.DecidedAt, r.DecidedByName, r.DecisionNote)).ToList());
    }

    /// <summary>
    /// Accepts a report for a known person (<paramref name="personId"/>) or for a new person made from it; the caller
    /// becomes one of the person's family contacts, in the report's language. The person's creation, the contact and
    /// the decision are audited by the save.
    /// </summary>
    public async Task<IntakeOutcome> AcceptAsync(long reportId, long? personId, bool createPerson, string? note, CancellationToken ct = default)
    {
        var report = await db.HotlineReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return new IntakeOutcome(false, Sentence.Of($"That report does not exist."), NotFound: true);
        }

        if (report.Status != HotlineReportStatus.New)
        {
            return new IntakeOutcome(false, Already(reportId, report));
        }

        if (createPerson == personId is not null)
        {
            return new IntakeOutcome(false, Sentence.Of($"Choose either a person to link the report to or to create a new person, not both."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        long target;
        if (createPerson)
        {
            var (given, family) = SplitName(report.DetaineeName);
            var native = report.DetaineeName.Any(c => c is >= '\u0600' and <= '\u06FF') ? report.DetaineeName : null;
            var (person, errors) = Person.Create(new PersonInput(report.ANumber, given, family, native, null, BirthDatePrecision.Exact, null, null, false, null),
                clock.Today(), clock.GetUtcNow());
            if (person is null)
            {
                var why = string.Join("; ", errors.Select(e => e.Message));
                return new IntakeOutcome(false, Sentence.Of($"The report cannot become a person as it is: {why}"));
            }

            if (await PeopleRules.DuplicateANumberAsync(db, person.ANumber, null, ct) is { } duplicate)
            {
                return new IntakeOutcome(false, Sentence.Of($"{duplicate.Sentence} Link the report to that person instead."));
            }

            db.People.Add(person);
            await db.SaveChangesAsync(ct);
            target = person.Id;
        }
        else
        {
            if (!await db.People.AnyAsync(p => p.Id == personId, ct))
            {
                return new IntakeOutcome(false, Sentence.Of($"There is no person {personId}."));
            }

            target = personId!.Value;
        }

        var contact = FamilyContact.For(target);
        contact.Name = report.CallerName;
        contact.Phone = report.CallerPhone;
        contact.Language = report.Language;
        contact.Relationship = "hotline caller";
        db.FamilyContacts.Add(contact);
        report.Accept(target, actor.UserId, actor.UserName, note, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new IntakeOutcome(true, Sentence.Of($"Report {reportId} accepted for person {target}; the caller is now one of their family contacts."), target);
    }

    public async Task<IntakeOutcome> RejectAsync(long reportId, string? note, CancellationToken ct = default)
    {
        var report = await db.HotlineReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return new IntakeOutcome(false, Sentence.Of($"That report does not exist."), NotFound: true);
        }

        if (!report.Reject(actor.UserId, actor.UserName, note, clock.GetUtcNow()))
        {
            return new IntakeOutcome(false, Already(reportId, report));
        }

        await db.SaveChangesAsync(ct);
        return new IntakeOutcome(true, Sentence.Of($"Report {reportId} rejected."));
    }

    public async Task<IntakePage<CallRow>> CallsAsync(long? personId, int skip, int take, CancellationToken ct = default, long? id = null)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxTake);
        var q = db.HotlineCalls.AsNoTracking().Where(c => (personId == null || c.PersonId == personId) && (id == null || c.Id == id));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new { c, Person = db.People.Where(p => p.Id == c.PersonId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault() })
            .ToListAsync(ct);
        return new IntakePage<CallRow>(total, skip, take, rows.Select(x => new CallRow(x.c.Id, x.c.At, x.c.CallerName, x.c.CallerPhone, x.c.PersonId,
            x.Person?.Trim(), x.c.AboutName, x.c.Summary, x.c.Promised, x.c.TakenByName, x.c.HotlineReportId)).ToList());
    }

    /// <summary>Field name to message; empty when the entry was stored.</summary>
    public async Task<(long? Id, Dictionary<string, string> Errors)> LogCallAsync(CallInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Check(string field, string? value, int max, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                errors[field] = "Required.";
            }
            else if (value is not null && value.Trim().Length > max)
            {
                errors[field] = string.Create(CultureInfo.InvariantCulture, $"At most {max} characters (this one has {value.Trim().Length}).");
            }
        }

        Check("callerName", input.CallerName, HotlineCall.MaxName, true);
        Check("callerPhone", input.CallerPhone, HotlineCall.MaxPhone, false);
        Check("aboutName", input.AboutName, HotlineCall.MaxName, false);
        Check("summary", input.Summary, HotlineCall.MaxText, false);
        Check("promised", input.Promised, HotlineCall.MaxText, true);
        if (input.PersonId is { } pid && !await db.People.AnyAsync(p => p.Id == pid, ct))
        {
            errors["personId"] = string.Create(CultureInfo.InvariantCulture, $"There is no person {pid}.");
        }

        if (input.PersonId is null && string.IsNullOrWhiteSpace(input.AboutName))
        {
            errors["aboutName"] = "Say whom the call was about: choose a person or write a name.";
        }

        if (input.HotlineReportId is { } rid && !await db.HotlineReports.AnyAsync(r => r.Id == rid, ct))
        {
            errors["hotlineReportId"] = string.Create(CultureInfo.InvariantCulture, $"There is no hotline report {rid}.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var owner = db.Visibility.OrganisationId ?? await db.CoordinatingOrganisationIdAsync(ct) ?? throw new InvalidOperationException("There is no coordinating organisation.");
        var call = HotlineCall.Logged(clock.GetUtcNow(), input.CallerName!.Trim(), Hotline.HotlineForm.Clean(input.CallerPhone), input.PersonId,
            Hotline.HotlineForm.Clean(input.AboutName), Hotline.HotlineForm.Clean(input.Summary), input.Promised!.Trim(), actor.UserId, actor.UserName, owner,
            input.HotlineReportId);
        db.HotlineCalls.Add(call);
        await db.SaveChangesAsync(ct);
        return (call.Id, errors);
    }

    private static Sentence Already(long reportId, Domain.Hotline.HotlineReport report) => report.Status == HotlineReportStatus.Accepted
        ? Sentence.Of($"Report {reportId} was already accepted by {report.DecidedByName}.")
        : Sentence.Of($"Report {reportId} was already rejected by {report.DecidedByName}.");
}
