using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Board;
using Stayline.Domain.Classes;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Matching;
using Stayline.Domain.Matters;
using Stayline.Domain.Organisations;
using Stayline.Domain.People;
using Stayline.Domain.Records;
using Stayline.Domain.Work;
using Stayline.Features.Import;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Review;

/// <summary>Two people the linkage engine thinks may be one.</summary>
/// <param name="Evidence">Each field's agreement level and weight, as the compare page shows them (said in the reader's language).</param>
public sealed record DuplicateCandidate(long LeftId, string LeftName, long RightId, string RightName, double Score, MatchDecision Decision, Sentence? Evidence = null);

/// <summary>An imported row waiting for someone to say whether it is the candidate person.</summary>
public sealed record PendingRow(long RowId, long BatchId, int Row, string Source, long CandidateId, string CandidateName, string RowName, double Score);

/// <summary>One field of a pair: both values, the agreement level and its weight (log2 of m/u).</summary>
public sealed record FieldEvidence(string Field, string Left, string Right, string Level, double Weight);

public sealed record PairView(Person Left, Person Right, double Score, MatchDecision Decision, IReadOnlyList<FieldEvidence> Evidence,
    IReadOnlyList<Sentence> WillMove, IReadOnlyList<Sentence> WillFill, Sentence? Blocker);

public sealed record ReviewOutcome(bool Done, [property: JsonIgnore] Sentence Said, long? Id = null)
{
    /// <summary>An outcome read back from the API (its message as the English it says).</summary>
    [JsonConstructor]
    public ReviewOutcome(bool done, string message, long? id)
        : this(done, Sentence.Verbatim(message), id)
    {
    }

    public string Message => Said.ToString();
}

/// <summary>What a merge moved, so undo can move it back.</summary>
public sealed record MergeMoves(List<MovedRecord> Records, long? AddedAliasId);

public sealed record MovedRecord(string Type, long Id);

/// <summary>A person's recorded state, for recreating it (merge undo) or restoring it.</summary>
/// <param name="OrganisationId">The organisation the record belonged to (0 in merges recorded before organisations).</param>
public sealed record PersonSnapshot(long Id, PersonInput Input, CustodyStatus Status, long? FacilityId, DateTimeOffset CreatedAt, long OrganisationId = 0)
{
    public static PersonSnapshot Of(Person p) => new(p.Id, p.ToInput(), p.CustodyStatus, p.CurrentFacilityId, p.CreatedAt, p.OrganisationId);
}

/// <summary>
/// Possible duplicates among the people already known (and import rows waiting), their evidence, merges that
/// keep everything (every name as an alias, every record moved, audited, undoable) and remembered
/// "not the same person" decisions.
/// </summary>
public sealed class ReviewService(StaylineDbContext db, TimeProvider clock, AuditActor actor, LearnedContexts contexts, DuplicateRuns runs)
{
    /// <summary>The first <paramref name="max"/> pairs of the duplicates queue (see <see cref="DuplicatesAsync"/>).</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(int max = 200, CancellationToken ct = default) =>
        (await DuplicatesAsync(null, max, ct)).Pairs;

    /// <summary>
    /// A page of the duplicates queue, best first: the pairs the last run of the duplicate finder stored (made now in a
    /// small database, in the background in a large one: <see cref="DuplicateRuns"/>), without a pair one of whose people
    /// is gone or unseen by the reader or that someone decided is two people. Each pair's score is the one the compare
    /// page gives it (both score with the learned context the run used).
    /// </summary>
    public Task<DuplicatesPage> DuplicatesAsync(string? after, int size, CancellationToken ct = default) => runs.PageAsync(db, after, size, ct);

    /// <summary>One line of evidence from the levels and weights a run stored: each field's level and weight, in the
    /// compare page's words (its levels "Rev.Level.*").</summary>
    public static Sentence Summary(NameLevel name, double nameWeight, BirthDateLevel birth, double birthWeight, ANumberLevel aNumber, double aNumberWeight,
        CountryLevel country, double countryWeight)
    {
        static string W(double w) => w.ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture);
        return Sentence.Of($"name {Level(name)} {W(nameWeight)}, birth date {Level(birth)} {W(birthWeight)}, A-number {Level(aNumber)} {W(aNumberWeight)}, country {Level(country)} {W(countryWeight)}");
    }

    /// <summary>An agreement level inside a sentence, in the reader's language (the compare page's column).</summary>
    private static object Level(Enum level) => Sentences.Word("Rev.Level." + level, level.ToString());

    public async Task<IReadOnlyList<PendingRow>> PendingRowsAsync(CancellationToken ct = default)
    {
        var rows = await db.ImportRows.AsNoTracking().Where(r => r.Action == ImportRowAction.Review)
            .Join(db.ImportBatches, r => r.BatchId, b => b.Id, (r, b) => new { r, b.Source })
            .OrderBy(x => x.r.BatchId).ThenBy(x => x.r.Row).Take(500).ToListAsync(ct);
        var names = await NamesAsync(db, rows.Select(x => x.r.PersonId!.Value).Distinct().ToList(), ct);
        return rows.Select(x =>
        {
            var input = JsonSerializer.Deserialize<ReviewPayload>(x.r.Payload!, ImportService.Json)!.Input;
            return new PendingRow(x.r.Id, x.r.BatchId, x.r.Row, x.Source, x.r.PersonId!.Value, names.GetValueOrDefault(x.r.PersonId!.Value, "?"),
                $"{input.GivenName} {input.FamilyName}".Trim(), x.r.Score ?? 0);
        }).ToList();
    }

    /// <summary>People's names as the review pages show them ("given family"), by id.</summary>
    internal static async Task<Dictionary<long, string>> NamesAsync(StaylineDbContext db, List<long> ids, CancellationToken ct)
    {
        var names = new Dictionary<long, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct))
            {
                names[p.Id] = $"{p.GivenName} {p.FamilyName}".Trim();
            }
        }

        return names;
    }

    /// <summary>Both records side by side with the evidence per field, and what a merge of right into left would do.</summary>
    public async Task<PairView?> CompareAsync(long leftId, long rightId, CancellationToken ct = default)
    {
        var left = await LoadAsync(leftId, tracked: false, ct);
        var right = await LoadAsync(rightId, tracked: false, ct);
        if (left is null || right is null || leftId == rightId)
        {
            return null;
        }

        // The model and word frequencies the finder's run uses, learned over everyone the reader sees and kept between
        // requests (LearnedContexts): the queue and this page agree, and any two people can be compared ("why were these
        // not linked?") without reading everyone.
        var context = await contexts.ForAsync(db, ct);
        var pair = BestPair(left, right, context);

        var e = pair.Evidence;
        string D(Person p) => p.BirthDate is { } d ? d.ToString(p.BirthDatePrecision == BirthDatePrecision.YearOnly ? "yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        var evidence = new List<FieldEvidence>
        {
            new("Name", Names(left), Names(right), e.NameLevel.ToString(), e.NameWeight),
            new("Birth date", D(left), D(right), e.BirthDateLevel.ToString(), e.BirthDateWeight),
            new("A-number", left.ANumberDisplay ?? "", right.ANumberDisplay ?? "", e.ANumberLevel.ToString(), e.ANumberWeight),
            new("Country", left.Citizenship ?? "", right.Citizenship ?? "", e.CountryLevel.ToString(), e.CountryWeight),
        };
        // The optional particulars either record has, with the weight the model gave each.
        foreach (var (field, label, l, r) in Particulars(left, right))
        {
            if (l is not null || r is not null)
            {
                var level = e.Extra(field);
                evidence.Add(new(label, l ?? "", r ?? "", level.ToString(), context.Model.ExtraWeight(field, level)));
            }
        }

        var counts = await CountsAsync(rightId, ct);
        var moves = counts.Where(c => c.Value > 0).Select(c => (c.Value, What: Sentences.Word("Rev.Moves." + c.Key, c.Key)))
            .Select(c => Sentence.Of($"{c.Value:N0} {c.What}")).ToList();
        moves.Insert(0, Sentence.Of($"the name \"{right.FullName}\" (kept as an alias)"));
        // What the merge will write into the kept record: the merge's own rule (PersonInput.WithBlanksFilledFrom), so a
        // year-only birth date that an exact day of the same year replaces is listed too.
        var fills = new List<Sentence>();
        var before = left.ToInput();
        var after = before.WithBlanksFilledFrom(right.ToInput());
        void Fill(string field, object? was, object? will)
        {
            if (!Equals(was, will))
            {
                var word = Sentences.Word("Rev.Fill." + field, field);
                fills.Add(was is null ? Sentence.Of($"{word}: {will}") : Sentence.Of($"{word}: {will} (instead of {was})"));
            }
        }

        Fill("A-number", before.ANumber, after.ANumber);
        Fill("birth date", before.BirthDate, after.BirthDate);
        Fill("native name", before.NativeName, after.NativeName);
        Fill("citizenship", before.Citizenship, after.Citizenship);
        Fill("languages", before.Languages, after.Languages);
        Fill("place of birth", before.BirthPlace, after.BirthPlace);
        Fill("father's name", before.FatherName, after.FatherName);
        Fill("mother's name", before.MotherName, after.MotherName);
        Fill("city", before.City, after.City);
        Fill("e-mail", before.Email, after.Email);
        Fill("phone", before.Phone, after.Phone);
        return new PairView(left, right, pair.Score, pair.Decision, evidence, moves, fills, Blocker(left, right));
    }

    /// <summary>Two people's score: the best over both people's name spellings (aliases included), as the finder saw
    /// them. The compare page and the add-person form's likely matches (not yet saved: <paramref name="left"/>) both use it.</summary>
    internal static MatchPair BestPair(Person left, Person right, LinkContext context)
    {
        var a = Record(left);
        var b = Record(right);
        var pair = Linker.Score(a, b, context);
        foreach (var x in left.Aliases.Select(n => Record(left, n)).Prepend(a))
        {
            foreach (var y in right.Aliases.Select(n => Record(right, n)).Prepend(b))
            {
                var s = Linker.Score(x, y, context);
                if (s.Score > pair.Score)
                {
                    pair = s;
                }
            }
        }

        return pair;
    }

    private static string Names(Person p) => string.Join(" / ", p.Aliases.Select(a => a.FullName).Prepend(p.FullName));

    private static Sentence? Blocker(Person survivor, Person absorbed) =>
        survivor.ANumber is not null && absorbed.ANumber is not null && survivor.ANumber != absorbed.ANumber
            ? Sentence.Of($"The records have different A-numbers ({survivor.ANumberDisplay}, {absorbed.ANumberDisplay}); correct the wrong one before merging.")
            : survivor.CustodyEpisodes.Any(e => e.IsOpen) && absorbed.CustodyEpisodes.Any(e => e.IsOpen)
                ? Sentence.Of($"Both records show the person in custody now; record the right custody on one of them (release or transfer) before merging.")
                : null;

    internal static PersonRecord Record(Person p, PersonName? alias = null) =>
        new(p.Id.ToString(CultureInfo.InvariantCulture), alias?.GivenName ?? p.GivenName, alias?.FamilyName ?? p.FamilyName,
            KnownRecords.DateOf(p.BirthDate, p.BirthDatePrecision), p.ANumber is null ? null : ANumber.FromStored(p.ANumber), p.Citizenship)
        { Extras = KnownRecords.ExtrasOf(p.City, p.Email, p.Phone, p.BirthPlace, p.FatherName, p.MotherName) };

    private static (ExtraField Field, string Label, string? Left, string? Right)[] Particulars(Person a, Person b) =>
    [
        (ExtraField.BirthPlace, "Place of birth", a.BirthPlace, b.BirthPlace), (ExtraField.FatherName, "Father's name", a.FatherName, b.FatherName),
        (ExtraField.MotherName, "Mother's name", a.MotherName, b.MotherName), (ExtraField.City, "City", a.City, b.City),
        (ExtraField.Email, "E-mail", a.Email, b.Email), (ExtraField.Phone, "Phone", a.Phone, b.Phone),
    ];

    private async Task<Person?> LoadAsync(long id, bool tracked, CancellationToken ct)
    {
        var q = db.People.Include(p => p.Aliases).Include(p => p.FamilyContacts).Include(p => p.CustodyEpisodes).AsQueryable();
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    private async Task<Dictionary<string, int>> CountsAsync(long id, CancellationToken ct) => new()
    {
        ["aliases"] = await db.PersonNames.CountAsync(x => x.PersonId == id, ct),
        ["family contacts"] = await db.FamilyContacts.CountAsync(x => x.PersonId == id, ct),
        ["custody episodes"] = await db.CustodyEpisodes.CountAsync(x => x.PersonId == id, ct),
        ["events"] = await db.PersonEvents.CountAsync(x => x.PersonId == id, ct),
        ["matters"] = await db.Matters.CountAsync(x => x.PersonId == id, ct),
        ["removal orders"] = await db.RemovalOrders.CountAsync(x => x.PersonId == id, ct),
        ["convictions"] = await db.Convictions.CountAsync(x => x.PersonId == id, ct),
        ["hearings"] = await db.Hearings.CountAsync(x => x.PersonId == id, ct),
        ["records requests"] = await db.RecordsRequests.CountAsync(x => x.PersonId == id, ct),
        ["relief claims"] = await db.ReliefClaims.CountAsync(x => x.PersonId == id, ct),
        ["bond cases"] = await db.BondCases.CountAsync(x => x.PersonId == id, ct),
        ["drafted documents"] = await db.GeneratedDocuments.CountAsync(x => x.PersonId == id, ct),
        ["adverse parties"] = await db.AdverseParties.CountAsync(x => x.PersonId == id, ct),
        ["shares with other organisations"] = await db.PersonShares.CountAsync(x => x.PersonId == id, ct),
        ["notes"] = await db.Notes.CountAsync(x => x.PersonId == id, ct),
        ["assignments"] = await db.Assignments.CountAsync(x => x.PersonId == id, ct),
        ["court orders"] = await db.CourtOrders.CountAsync(x => x.PersonId == id, ct),
        ["class memberships"] = await db.ClassMemberships.CountAsync(x => x.PersonId == id, ct),
        ["case board posts"] = await db.CasePosts.CountAsync(x => x.PersonId == id, ct),
    };

    public async Task<ReviewOutcome> NotSameAsync(long a, long b, CancellationToken ct = default)
    {
        var (low, high) = (Math.Min(a, b), Math.Max(a, b));
        if (low == high || await db.People.CountAsync(p => p.Id == low || p.Id == high, ct) != 2)
        {
            return new ReviewOutcome(false, Sentence.Of($"Both people must exist."));
        }

        if (!await db.NotSamePeople.AnyAsync(n => n.LowId == low && n.HighId == high, ct))
        {
            var now = clock.GetUtcNow();
            db.NotSamePeople.Add(new NotSamePerson { LowId = low, HighId = high, At = now, UserName = actor.UserName });
            db.AuditEvents.Add(new AuditEvent(now, actor.UserId, actor.UserName, "not-same", nameof(NotSamePerson),
                string.Create(CultureInfo.InvariantCulture, $"{low},{high}"), low, null, null));
            await db.SaveChangesAsync(ct);
        }

        return new ReviewOutcome(true, Sentence.Of($"Recorded: not the same person. This pair will not be proposed again."));
    }

    /// <summary>
    /// Merges <paramref name="absorbedId"/> into <paramref name="survivorId"/> in one transaction: every record of the
    /// absorbed person moves, its name becomes an alias, blank fields of the survivor are filled, and the move is recorded for undo.
    /// </summary>
    public async Task<ReviewOutcome> MergeAsync(long survivorId, long absorbedId, CancellationToken ct = default)
    {
        var survivor = await LoadAsync(survivorId, tracked: true, ct);
        var absorbed = await LoadAsync(absorbedId, tracked: true, ct);
        if (survivor is null || absorbed is null || survivorId == absorbedId)
        {
            return new ReviewOutcome(false, Sentence.Of($"Both people must exist (one of them may have been merged already)."));
        }

        if (Blocker(survivor, absorbed) is { } blocker)
        {
            return new ReviewOutcome(false, blocker);
        }

        var today = clock.Today();
        var now = clock.GetUtcNow();
        var survivorBefore = PersonSnapshot.Of(survivor);
        var absorbedSnapshot = PersonSnapshot.Of(absorbed);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = new List<MovedRecord>();
        void Move(object entity, string type, long id)
        {
            db.Entry(entity).Property("PersonId").CurrentValue = survivorId;
            moved.Add(new MovedRecord(type, id));
        }

        foreach (var x in absorbed.Aliases.ToList())
        {
            absorbed.Aliases.Remove(x);
            survivor.Aliases.Add(x);
            moved.Add(new MovedRecord(nameof(PersonName), x.Id));
        }

        foreach (var x in absorbed.FamilyContacts.ToList())
        {
            absorbed.FamilyContacts.Remove(x);
            survivor.FamilyContacts.Add(x);
            moved.Add(new MovedRecord(nameof(FamilyContact), x.Id));
        }

        foreach (var x in absorbed.CustodyEpisodes.ToList())
        {
            absorbed.CustodyEpisodes.Remove(x);
            survivor.CustodyEpisodes.Add(x);
            moved.Add(new MovedRecord(nameof(CustodyEpisode), x.Id));
        }

        foreach (var x in await db.PersonEvents.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(PersonEvent), x.Id); }
        foreach (var x in await db.Matters.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(Matter), x.Id); }
        foreach (var x in await db.RemovalOrders.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(RemovalOrder), x.Id); }
        foreach (var x in await db.Convictions.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(Conviction), x.Id); }
        foreach (var x in await db.Hearings.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(Hearing), x.Id); }
        foreach (var x in await db.RecordsRequests.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(RecordsRequest), x.Id); }
        foreach (var x in await db.ReliefClaims.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(ReliefClaim), x.Id); }
        foreach (var x in await db.BondCases.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(BondCase), x.Id); }
        foreach (var x in await db.GeneratedDocuments.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(GeneratedDocument), x.Id); }
        foreach (var x in await db.AdverseParties.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(AdverseParty), x.Id); }
        foreach (var x in await db.CasePosts.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(CasePost), x.Id); }

        // Sharing follows the file: the absorbed record's shares move (one already on the survivor is dropped), and when the
        // records belonged to different organisations, the absorbed record's organisation keeps access through a new share.
        var survivorShares = await db.PersonShares.Where(x => x.PersonId == survivorId).Select(x => x.OrganisationId).ToListAsync(ct);
        foreach (var x in await db.PersonShares.Where(x => x.PersonId == absorbedId).ToListAsync(ct))
        {
            if (survivorShares.Contains(x.OrganisationId) || x.OrganisationId == survivor.OrganisationId)
            {
                db.PersonShares.Remove(x);
                moved.Add(new MovedRecord(nameof(PersonShare) + ":dropped", x.OrganisationId));
            }
            else
            {
                Move(x, nameof(PersonShare), x.Id);
                survivorShares.Add(x.OrganisationId);
            }
        }

        if (absorbed.OrganisationId != survivor.OrganisationId && !survivorShares.Contains(absorbed.OrganisationId))
        {
            db.PersonShares.Add(new PersonShare(survivorId, absorbed.OrganisationId, actor.UserId, actor.UserName, now));
            moved.Add(new MovedRecord(nameof(PersonShare) + ":added", absorbed.OrganisationId));
        }
        foreach (var x in await db.Notes.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(Note), x.Id); }
        foreach (var x in await db.Assignments.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(Assignment), x.Id); }
        foreach (var x in await db.CourtOrders.Where(x => x.PersonId == absorbedId).ToListAsync(ct)) { Move(x, nameof(CourtOrder), x.Id); }
        var survivorClasses = await db.ClassMemberships.Where(m => m.PersonId == survivorId).Select(m => m.ClassActionId).ToListAsync(ct);
        foreach (var m in await db.ClassMemberships.Where(x => x.PersonId == absorbedId).ToListAsync(ct))
        {
            // The key includes the person: membership moves as remove + add (or just remove when the survivor is a member).
            db.ClassMemberships.Remove(m);
            if (!survivorClasses.Contains(m.ClassActionId))
            {
                db.ClassMemberships.Add(new ClassMembership(m.ClassActionId, survivorId, m.AddedOn));
            }

            moved.Add(new MovedRecord(nameof(ClassMembership) + (survivorClasses.Contains(m.ClassActionId) ? ":dropped" : ""), m.ClassActionId));
        }

        if (absorbed.CustodyEpisodes.Count == 0 && survivor.CustodyStatus == CustodyStatus.Unknown && absorbedSnapshot.Status != CustodyStatus.Unknown
            || moved.Any(m => m.Type == nameof(CustodyEpisode)) && absorbedSnapshot.Status == CustodyStatus.Detained)
        {
            db.Entry(survivor).Property(p => p.CustodyStatus).CurrentValue = absorbedSnapshot.Status;
            db.Entry(survivor).Property(p => p.CurrentFacilityId).CurrentValue = absorbedSnapshot.FacilityId;
        }

        db.People.Remove(absorbed);
        await db.SaveChangesAsync(ct);

        var r = absorbedSnapshot.Input;
        survivor.Update(survivor.ToInput().WithBlanksFilledFrom(r), today);
        PersonName? alias = null;
        var absorbedName = SearchText.Fold($"{r.GivenName} {r.FamilyName}");
        if (absorbedName != SearchText.Fold(survivor.FullName) && survivor.Aliases.All(a => SearchText.Fold(a.FullName) != absorbedName))
        {
            survivor.AddAlias(r.GivenName, r.FamilyName, "merge");
            alias = survivor.Aliases[^1];
        }

        await db.SaveChangesAsync(ct);
        var record = new MergeRecord
        {
            SurvivorId = survivorId,
            AbsorbedId = absorbedId,
            At = now,
            UserName = actor.UserName,
            Absorbed = JsonSerializer.Serialize(absorbedSnapshot, ImportService.Json),
            SurvivorBefore = JsonSerializer.Serialize(survivorBefore, ImportService.Json),
            Moved = JsonSerializer.Serialize(new MergeMoves(moved, alias?.Id), ImportService.Json),
        };
        db.Merges.Add(record);
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(new AuditEvent(now, actor.UserId, actor.UserName, "merge", nameof(Person), survivorId.ToString(CultureInfo.InvariantCulture),
            survivorId, JsonSerializer.Serialize(new { absorbed = absorbedId }), JsonSerializer.Serialize(new { merge = record.Id, moved = moved.Count })));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReviewOutcome(true, Sentence.Of(
            $"Merged {absorbedSnapshot.Input.GivenName} {absorbedSnapshot.Input.FamilyName} (id {absorbedId}) into {survivor.FullName} (id {survivorId}): {moved.Count} records moved."), record.Id);
    }

    /// <summary>Undoes a merge: recreates the absorbed person with its id, moves its records back, restores the survivor.</summary>
    public async Task<ReviewOutcome> UndoMergeAsync(long mergeId, CancellationToken ct = default)
    {
        var record = await db.Merges.FirstOrDefaultAsync(m => m.Id == mergeId, ct);
        if (record is null || record.UndoneAt is not null)
        {
            return new ReviewOutcome(false, record is null ? Sentence.Of($"There is no merge {mergeId}.") : Sentence.Of($"Merge {mergeId} was already undone."));
        }

        var survivor = await LoadAsync(record.SurvivorId, tracked: true, ct);
        if (survivor is null)
        {
            return new ReviewOutcome(false, Sentence.Of($"The surviving person {record.SurvivorId} no longer exists (merged again?); undo that first."));
        }

        if (await db.People.AnyAsync(p => p.Id == record.AbsorbedId, ct))
        {
            return new ReviewOutcome(false, Sentence.Of($"Person {record.AbsorbedId} exists again; nothing to undo."));
        }

        var today = clock.Today();
        var before = JsonSerializer.Deserialize<PersonSnapshot>(record.SurvivorBefore, ImportService.Json)!;
        var absorbed = JsonSerializer.Deserialize<PersonSnapshot>(record.Absorbed, ImportService.Json)!;
        var moves = JsonSerializer.Deserialize<MergeMoves>(record.Moved, ImportService.Json)!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        survivor.Update(before.Input, today);
        survivor.Aliases.RemoveAll(a => a.Id == moves.AddedAliasId);
        db.Entry(survivor).Property(p => p.CustodyStatus).CurrentValue = before.Status;
        db.Entry(survivor).Property(p => p.CurrentFacilityId).CurrentValue = before.FacilityId;
        await db.SaveChangesAsync(ct);

        var (person, errors) = Person.Create(absorbed.Input, today, absorbed.CreatedAt);
        if (person is null)
        {
            var why = string.Join("; ", errors.Select(e => e.Message));
            return new ReviewOutcome(false, Sentence.Of($"The absorbed record cannot be recreated: {why}"));
        }

        if (absorbed.OrganisationId != 0)
        {
            person.BelongTo(absorbed.OrganisationId);
        }

        db.People.Add(person);
        db.Entry(person).Property(p => p.Id).CurrentValue = absorbed.Id;
        db.Entry(person).Property(p => p.CustodyStatus).CurrentValue = absorbed.Status;
        db.Entry(person).Property(p => p.CurrentFacilityId).CurrentValue = absorbed.FacilityId;
        await db.SaveChangesAsync(ct);

        foreach (var m in moves.Records)
        {
            object? entity = m.Type switch
            {
                nameof(PersonName) => await db.PersonNames.FindAsync([m.Id], ct),
                nameof(FamilyContact) => await db.FamilyContacts.FindAsync([m.Id], ct),
                nameof(CustodyEpisode) => await db.CustodyEpisodes.FindAsync([m.Id], ct),
                nameof(PersonEvent) => await db.PersonEvents.FindAsync([m.Id], ct),
                nameof(Matter) => await db.Matters.FindAsync([m.Id], ct),
                nameof(RemovalOrder) => await db.RemovalOrders.FindAsync([m.Id], ct),
                nameof(Conviction) => await db.Convictions.FindAsync([m.Id], ct),
                nameof(Hearing) => await db.Hearings.FindAsync([m.Id], ct),
                nameof(RecordsRequest) => await db.RecordsRequests.FindAsync([m.Id], ct),
                nameof(ReliefClaim) => await db.ReliefClaims.FindAsync([m.Id], ct),
                nameof(BondCase) => await db.BondCases.FindAsync([m.Id], ct),
                nameof(GeneratedDocument) => await db.GeneratedDocuments.FindAsync([m.Id], ct),
                nameof(AdverseParty) => await db.AdverseParties.FindAsync([m.Id], ct),
                nameof(CasePost) => await db.CasePosts.FindAsync([m.Id], ct),
                nameof(PersonShare) => await db.PersonShares.FindAsync([m.Id], ct),
                nameof(Note) => await db.Notes.FindAsync([m.Id], ct),
                nameof(Assignment) => await db.Assignments.FindAsync([m.Id], ct),
                nameof(CourtOrder) => await db.CourtOrders.FindAsync([m.Id], ct),
                _ => null,
            };
            if (entity is not null)
            {
                db.Entry(entity).Property("PersonId").CurrentValue = absorbed.Id;
            }
            else if (m.Type == nameof(PersonShare) + ":dropped")
            {
                db.PersonShares.Add(new PersonShare(absorbed.Id, m.Id, actor.UserId, actor.UserName, clock.GetUtcNow()));
            }
            else if (m.Type == nameof(PersonShare) + ":added"
                && await db.PersonShares.FirstOrDefaultAsync(x => x.PersonId == survivor.Id && x.OrganisationId == m.Id, ct) is { } added)
            {
                db.PersonShares.Remove(added);
            }
            else if (m.Type.StartsWith(nameof(ClassMembership), StringComparison.Ordinal))
            {
                if (!m.Type.EndsWith(":dropped", StringComparison.Ordinal)
                    && await db.ClassMemberships.FirstOrDefaultAsync(x => x.ClassActionId == m.Id && x.PersonId == survivor.Id, ct) is { } moved)
                {
                    db.ClassMemberships.Remove(moved);
                }

                db.ClassMemberships.Add(new ClassMembership(m.Id, absorbed.Id, today));
            }
        }

        var now = clock.GetUtcNow();
        record.UndoneAt = now;
        db.AuditEvents.Add(new AuditEvent(now, actor.UserId, actor.UserName, "unmerge", nameof(Person), record.SurvivorId.ToString(CultureInfo.InvariantCulture),
            record.SurvivorId, null, JsonSerializer.Serialize(new { merge = mergeId, restored = absorbed.Id })));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReviewOutcome(true, Sentence.Of($"Merge {mergeId} undone: {absorbed.Input.GivenName} {absorbed.Input.FamilyName} (id {absorbed.Id}) is a separate person again."));
    }

    /// <summary>Decides an import row waiting in review: the candidate (apply the row to them) or a new person.</summary>
    public async Task<ReviewOutcome> ResolveRowAsync(long rowId, bool samePerson, CancellationToken ct = default)
    {
        var row = await db.ImportRows.FirstOrDefaultAsync(r => r.Id == rowId && r.Action == ImportRowAction.Review, ct);
        if (row is null)
        {
            return new ReviewOutcome(false, Sentence.Of($"That row is not waiting for review (decided already, or its import was undone)."));
        }

        var source = await db.ImportBatches.Where(b => b.Id == row.BatchId).Select(b => b.Source).FirstAsync(ct);
        var payload = JsonSerializer.Deserialize<ReviewPayload>(row.Payload!, ImportService.Json)!.ToRow(row.Row);
        var today = clock.Today();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Person person;
        if (samePerson)
        {
            person = (await LoadAsync(row.PersonId!.Value, tracked: true, ct))!;
            var aliases = person.Aliases.Select(a => a.Id).ToHashSet();
            var episodes = person.CustodyEpisodes.Select(e => e.Id).ToHashSet();
            var (before, errors) = ImportService.ApplyToPerson(person, payload, source, today);
            if (errors.Count > 0)
            {
                return new ReviewOutcome(false, Sentences.Joined(errors.Select(e => e.Sentence)));
            }

            await db.SaveChangesAsync(ct);
            if (before is not null)
            {
                before.AddedAliasIds.AddRange(person.Aliases.Select(a => a.Id).Where(id => !aliases.Contains(id)));
                before.AddedEpisodeIds.AddRange(person.CustodyEpisodes.Select(e => e.Id).Where(id => !episodes.Contains(id)));
                row.Before = JsonSerializer.Serialize(before, ImportService.Json);
            }
        }
        else
        {
            var (created, errors) = Person.Create(payload.Input, today, clock.GetUtcNow());
            if (created is null)
            {
                return new ReviewOutcome(false, Sentences.Joined(errors.Select(e => e.Sentence)));
            }

            db.People.Add(created);
            await db.SaveChangesAsync(ct);
            if (payload.FacilityId is { } f)
            {
                CustodyLedger.Detain(created, f, payload.DetainedSince ?? today, today);
                await db.SaveChangesAsync(ct);
            }

            person = created;
        }

        row.Action = ImportRowAction.Resolved;
        row.PersonId = person.Id;
        row.VersionAfter = person.Version;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReviewOutcome(true, samePerson
            ? Sentence.Of($"Row {row.Row} applied to {person.FullName}.")
            : Sentence.Of($"Row {row.Row} added as a new person, {person.FullName}."), person.Id);
    }
}
