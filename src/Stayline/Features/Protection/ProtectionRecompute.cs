using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Data.Bulk;
using Stayline.Domain.Common;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Protection;
using Stayline.Infrastructure;

namespace Stayline.Features.Protection;

/// <summary>A reason in the chain behind a protection result (shown, not stored: docs/adr/0010).</summary>
public readonly record struct ReasonText(string Code, Sentence Text, string Citation, bool Missing);

/// <summary>
/// One person's derived result in the shape it is stored, with fingerprints of its protection row and of its deadline
/// rows. Texts are rendered during the parallel evaluation. The reasons are shown but not stored, so they are not in
/// the protection row's fingerprint either.
/// </summary>
public sealed record PersonResult(long PersonId, string State, string? PrimarySource, DateOnly? UntilDate, string? UntilEvent, bool EndsWithin7Days,
    string Summary, ReasonText[] Reasons, DerivedDeadline[] Deadlines, long ProtectionHash, long DeadlinesHash)
{
    /// <summary>The summary as a sentence for a page (<see cref="Summary"/> is its English, stored and hashed).</summary>
    public Sentence? SummarySentence { get; init; }

    /// <summary>The due day of the earliest open derived deadline with one (stored in the protection row, with deadlines
    /// entered by hand then taken into account: <see cref="DerivedWriter"/>).</summary>
    public DateOnly? NextDueDate { get; init; }

    /// <summary>Bump when the stored form of a protection row changes (columns), so that every stored fingerprint stops matching.</summary>
    /// <remarks>2: the reasons left the row (their JSON column dropped). 3: the next open deadline's due day joined it.</remarks>
    private const ulong ProtectionFormat = 3;

    /// <summary>The same for the deadline rows.</summary>
    private const ulong DeadlinesFormat = 1;

    public static PersonResult From(long personId, ProtectionStatus s, DerivedDeadline[] deadlines)
    {
        var reasons = new ReasonText[s.Reasons.Length + s.Missing.Length];
        var i = 0;
        foreach (var r in s.Reasons)
        {
            reasons[i++] = new ReasonText(r.Code.ToString(), r.Sentence, r.Citation, false);
        }

        foreach (var r in s.Missing)
        {
            reasons[i++] = new ReasonText(r.Code.ToString(), r.Sentence, r.Citation, true);
        }

        var state = s.State.ToString();
        var source = s.Primary?.Source.ToString();
        DateOnly? until = s.State == ProtectionState.Protected ? s.Primary?.LastDay : null;
        var untilEvent = s.State == ProtectionState.Protected && s.Primary is { Until: not Domain.Protection.UntilEvent.None } p ? p.Until.ToString() : null;
        var said = s.SummarySentence;
        var summary = said.ToString();

        var h = new StableHash(ProtectionFormat);
        h.Add(state);
        h.Add(source);
        h.Add(until);
        h.Add(untilEvent);
        h.Add(s.EndsWithin7Days);
        h.Add(summary);
        var next = NextDue(deadlines);
        h.Add(next);
        return new PersonResult(personId, state, source, until, untilEvent, s.EndsWithin7Days, summary, reasons, deadlines, h.Value, HashOf(deadlines))
        {
            SummarySentence = said,
            NextDueDate = next,
        };
    }

    private static DateOnly? NextDue(DerivedDeadline[] deadlines)
    {
        DateOnly? next = null;
        foreach (var d in deadlines)
        {
            if (d.State == DeadlineState.Open && d.DueDate is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    private static long HashOf(DerivedDeadline[] deadlines)
    {
        var h = new StableHash(DeadlinesFormat + 0x100);
        h.Add(deadlines.Length);
        foreach (var d in deadlines)
        {
            h.Add(d.RuleId);
            h.Add(d.OrderKey);
            h.Add(d.TriggerDate);
            h.Add(d.DueDate);
            h.Add(d.PeriodDays);
            h.Add(d.Citation);
            h.Add(DerivedRows.StateText(d.State));
        }

        return h.Value;
    }
}

/// <summary>
/// What one recompute did. <see cref="Deadlines"/> counts the derived deadlines of the people covered; the Changed and
/// Written counts say how much of that differed from what was stored (zero when no fact changed).
/// </summary>
public sealed record RecomputeStats(int People, int Deadlines, TimeSpan Read, TimeSpan Evaluate, TimeSpan Write,
    int PeopleChanged = 0, int ProtectionRowsWritten = 0, int DeadlineRowsWritten = 0)
{
    public static readonly RecomputeStats Zero = new(0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public RecomputeStats Add(RecomputeStats o) => new(People + o.People, Deadlines + o.Deadlines, Read + o.Read, Evaluate + o.Evaluate, Write + o.Write,
        PeopleChanged + o.PeopleChanged, ProtectionRowsWritten + o.ProtectionRowsWritten, DeadlineRowsWritten + o.DeadlineRowsWritten);
}

/// <summary>
/// Derives protection and deadlines and stores them. Called by StaylineDbContext inside the transaction of every
/// save that changes a fact (so no write path can forget it), by bulk actions inside their own transaction, on
/// read when a stored result is older than today, by the daily service and by `stayline recompute`.
/// Facts are read set-based and evaluated in parallel; each result is compared with the stored one by fingerprint,
/// and only the rows that differ are written (a daily recompute of a million people changes few of them).
/// </summary>
public sealed class ProtectionRecompute(TimeProvider clock) : IFactsChangedHandler
{
    /// <summary>People per read-evaluate-write round of a full recompute: bounds memory (a few hundred MB at most).</summary>
    public const int ChunkSize = 100_000;

    /// <summary>More stale people than this and the daily recompute covers everyone (one pass beats many id lists).</summary>
    private const int StaleLimit = PersonScope.MaxIds * 20;

    public async Task OnFactsChangedAsync(StaylineDbContext db, FactChanges changes, CancellationToken ct)
    {
        var scopes = changes.ClassActionIds.Select(PersonScope.ClassMembers)
            .Concat(changes.PersonIds.Order().Chunk(PersonScope.MaxIds).Select(PersonScope.Ids));
        await RecomputeScopesAsync(db, [.. scopes], clock.Today(), ct);
    }

    /// <summary>Recomputes the given people inside the caller's transaction (or the context's current one).</summary>
    public Task<RecomputeStats> RecomputeAsync(StaylineDbContext db, PersonScope scope, DateOnly asOf, CancellationToken ct) =>
        RecomputeScopesAsync(db, [scope], asOf, ct);

    /// <summary>Everyone, in chunks of <see cref="ChunkSize"/> people, in one transaction; confirms every unchanged row for <paramref name="asOf"/>.</summary>
    public async Task<RecomputeStats> RecomputeAllAsync(StaylineDbContext db, DateOnly asOf, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var target = BulkTarget.Of(db);
        var calendar = await CalendarAsync(db, ct);
        await using var cache = await PageCache.SetAsync(target, LargeCacheKib, ct);

        var (min, max) = await db.People.GroupBy(_ => 1).Select(g => new { Min = g.Min(p => p.Id), Max = g.Max(p => p.Id) }).FirstOrDefaultAsync(ct) is { } r
            ? (r.Min, r.Max)
            : (0L, -1L);
        var ranges = new List<PersonScope>();
        for (var lo = min; lo <= max; lo += ChunkSize)
        {
            ranges.Add(PersonScope.Range(lo, lo + ChunkSize));
        }

        // Nothing stored yet (a new database, or derived rows cleared): write everything, with the derived tables'
        // secondary indexes dropped and rebuilt around the load (one sorted build beats millions of random inserts).
        var firstTime = !await db.Protections.AnyAsync(ct);
        var indexes = new List<string>();
        var manual = false;
        if (firstTime)
        {
            await DerivedWrite.DeleteAllAsync(target, ct);
            // Only deadlines entered by hand are left (none after an import into a new database).
            manual = await db.Deadlines.AnyAsync(ct);
            indexes = target.IsSqlite ? await DerivedWrite.DropSecondaryIndexesAsync(target, ct) : [];
        }

        var total = await RunPipelinedAsync(new Run(target, asOf, calendar, firstTime ? Mode.WriteAll : Mode.Full, null), ranges, ct);
        await SecondaryIndexes.RebuildAsync(target, indexes, ct);
        if (manual)
        {
            await DerivedWrite.RefreshNextDueAsync(target, null, ct);
        }

        await DerivedWrite.SetWatermarkAsync(target, asOf, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return total;
    }

    /// <summary>People whose stored result answers for a day before <paramref name="asOf"/> (or who have none).</summary>
    public async Task<RecomputeStats> RecomputeStaleAsync(StaylineDbContext db, DateOnly asOf, CancellationToken ct)
    {
        var confirmed = await WatermarkAsync(db, ct) >= asOf;
        var stale = confirmed
            ? db.People.Where(p => !db.Protections.Any(x => x.PersonId == p.Id))
            : db.People.Where(p => !db.Protections.Any(x => x.PersonId == p.Id && x.ComputedAsOf >= asOf));
        var ids = await stale.Select(p => p.Id).OrderBy(id => id).Take(StaleLimit + 1).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return RecomputeStats.Zero;
        }

        if (ids.Count > StaleLimit)
        {
            return await RecomputeAllAsync(db, asOf, ct);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var total = await RecomputeScopesAsync(db, [.. ids.Chunk(PersonScope.MaxIds).Select(PersonScope.Ids)], asOf, ct);
        await tx.CommitAsync(ct);
        return total;
    }

    /// <summary>The day through which the last full recompute confirmed every stored row; null before the first one.</summary>
    public static async Task<DateOnly?> WatermarkAsync(StaylineDbContext db, CancellationToken ct) =>
        await db.Set<DerivedWatermark>().AsNoTracking().Where(w => w.Id == DerivedWrite.WatermarkId).Select(w => (DateOnly?)w.AllComputedAsOf).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Weekends, federal holidays, executive-order closures and the admin closures for all courts; for Board filings
    /// also the Board's closures and Inauguration Day (<see cref="CourtCalendar.For"/>).
    /// </summary>
    public static async Task<CourtCalendar> CalendarAsync(StaylineDbContext db, CancellationToken ct)
    {
        // Closures of one immigration court or circuit are left out: which court a filing goes to is not recorded, and
        // applying another court's closure could only move a date later than the real one: the dangerous error.
        var board = CourtId.Board.Value;
        var closures = await db.CourtClosures.AsNoTracking().Where(c => c.Court == null || c.Court == board)
            .Select(c => new { c.Date, c.Court, c.Reason }).ToListAsync(ct);
        return closures.Count == 0 ? CourtCalendar.Federal
            : CourtCalendar.Create(closures.Select(c => new CourtClosure(c.Date, c.Court is null ? null : new CourtId(c.Court), c.Reason)));
    }

    /// <summary>
    /// One person evaluated for <paramref name="asOf"/> and nothing written: the stored rows keep answering for today.
    /// Reads in a transaction of its own so the tables are seen at one moment; null when the person does not exist.
    /// </summary>
    public static async Task<PersonResult?> EvaluateWithoutStoringAsync(StaylineDbContext db, long personId, DateOnly asOf, CancellationToken ct) =>
        await ReadPersonAsync(db, personId, ct) is { } read ? EvaluateOne(read.Facts, asOf, read.Calendar, new List<DerivedDeadline>(8)) : null;

    /// <summary>
    /// One person's facts and the calendar; null when the person does not exist. PostgreSQL reads them from one snapshot.
    /// On SQLite every transaction begins with the write lock (BEGIN IMMEDIATE), so a read there would wait for a
    /// recompute or an import: its statements run on their own instead, which costs at worst a view mixing two saves.
    /// </summary>
    public static async Task<(PersonFacts Facts, CourtCalendar Calendar)?> ReadPersonAsync(StaylineDbContext db, long personId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null || BulkTarget.Of(db).IsSqlite)
        {
            return await ReadPersonCoreAsync(db, personId, ct);
        }

        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        return await ReadPersonCoreAsync(db, personId, ct);
    }

    /// <summary>
    /// Several people evaluated, each for its own day, nothing written: the summaries of a list page are said from the
    /// facts (the stored summary is English text). At most <see cref="PersonScope.MaxIds"/> people; the absent are left out.
    /// </summary>
    public static async Task<Dictionary<long, PersonResult>> EvaluateWithoutStoringAsync(StaylineDbContext db, IReadOnlyDictionary<long, DateOnly> days, CancellationToken ct)
    {
        var results = new Dictionary<long, PersonResult>();
        if (days.Count == 0)
        {
            return results;
        }

        var (chunk, calendar) = await ReadFactsAsync(db, [.. days.Keys.Order()], ct);
        var scratch = new List<DerivedDeadline>(8);
        for (var i = 0; i < chunk.Count; i++)
        {
            var facts = chunk.Build(i);
            results[facts.PersonId] = EvaluateOne(facts, days[facts.PersonId], calendar, scratch);
        }

        return results;
    }

    private static async Task<(PersonFacts Facts, CourtCalendar Calendar)?> ReadPersonCoreAsync(StaylineDbContext db, long personId, CancellationToken ct) =>
        await ReadFactsAsync(db, [personId], ct) is var (chunk, calendar) && chunk.Count > 0 ? (chunk.Build(0), calendar) : null;

    private static async Task<(FactsChunk Chunk, CourtCalendar Calendar)> ReadFactsAsync(StaylineDbContext db, long[] personIds, CancellationToken ct)
    {
        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            var chunk = new FactsChunk();
            await FactsReader.ReadAsync(BulkTarget.Of(db), PersonScope.Ids(personIds), chunk, ct);
            return (chunk, await CalendarAsync(db, ct));
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static PersonResult EvaluateOne(PersonFacts p, DateOnly asOf, ICourtCalendar calendar, List<DerivedDeadline> scratch)
    {
        scratch.Clear();
        var status = ProtectionEngine.Evaluate(p.Facts, asOf, calendar);
        PersonDeadlines.Derive(p.Facts, p.ClassOrderKeys, asOf, calendar, scratch);
        return PersonResult.From(p.PersonId, status, scratch.Count == 0 ? [] : [.. scratch]);
    }

    /// <summary>Calendar and watermark are read once per call, however many scopes (classes, id lists) one save touched.</summary>
    private static async Task<RecomputeStats> RecomputeScopesAsync(StaylineDbContext db, IReadOnlyList<PersonScope> scopes, DateOnly asOf, CancellationToken ct)
    {
        if (scopes.Count == 0)
        {
            return RecomputeStats.Zero;
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            var target = BulkTarget.Of(db);
            var run = new Run(target, asOf, await CalendarAsync(db, ct), Mode.Scope, await WatermarkAsync(db, ct));
            await using var cache = scopes.Any(s => s.MayBeLarge) ? await PageCache.SetAsync(target, LargeCacheKib, ct) : null;
            var total = RecomputeStats.Zero;
            var chunk = new FactsChunk();
            foreach (var scope in scopes)
            {
                var input = await ReadAsync(run, scope, chunk, ct);
                total = total.Add(await WriteAsync(run, input, EvaluateChunk(run, input), ct));
            }

            return total;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Chunk after chunk on one connection, evaluating chunk k on the other cores while chunk k+1 is read: reading is
    /// single-threaded database work, evaluation is parallel CPU work, so the two overlap.
    /// </summary>
    private static async Task<RecomputeStats> RunPipelinedAsync(Run run, IReadOnlyList<PersonScope> chunks, CancellationToken ct)
    {
        var total = RecomputeStats.Zero;
        if (chunks.Count == 0)
        {
            return total;
        }

        // Two chunk buffers, reused: one is evaluated while the other is filled.
        FactsChunk[] buffers = [new(), new()];
        var next = await ReadAsync(run, chunks[0], buffers[0], ct);
        for (var i = 0; i < chunks.Count; i++)
        {
            var input = next;
            var evaluation = Task.Run(() => EvaluateChunk(run, input), ct);
            if (i + 1 < chunks.Count)
            {
                next = await ReadAsync(run, chunks[i + 1], buffers[(i + 1) % 2], ct);
            }

            total = total.Add(await WriteAsync(run, input, await evaluation, ct));
        }

        return total;
    }

    private static async Task<ChunkInput> ReadAsync(Run run, PersonScope scope, FactsChunk chunk, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await FactsReader.ReadAsync(run.Target, scope, chunk, ct);
        // A scope recompute must also refresh rows that answer for an earlier day; a full recompute confirms them all at once.
        var withDay = run.Mode == Mode.Scope && !(run.Watermark >= run.AsOf);
        var stored = run.Mode == Mode.WriteAll || chunk.Count == 0 ? [] : await DerivedRead.HashesAsync(run.Target, scope, withDay, ct);
        return new ChunkInput(scope, chunk, stored, withDay, watch.Elapsed);
    }

    /// <summary>
    /// Builds, evaluates and compares each person in parallel; keeps only the results that must be written (all of them
    /// when nothing is stored), so the facts and unchanged results of a person are garbage as soon as they are compared.
    /// </summary>
    private static Evaluated EvaluateChunk(Run run, ChunkInput input)
    {
        var watch = Stopwatch.StartNew();
        var chunk = input.Facts;
        if (chunk.Count == 0)
        {
            return new Evaluated(new WritePlan(), 0, 0, TimeSpan.Zero);
        }

        var stored = StoredPositions(chunk, input.Stored);
        var refreshBefore = input.WithDay ? run.AsOf : (DateOnly?)null;
        var writeAll = run.Mode == Mode.WriteAll;
        var kept = new List<(int Index, PersonResult Result, Change Change)>();
        var deadlines = 0;
        // People with no facts (most of a large import) share one result: evaluated once, then copied with their id.
        var none = Enumerable.Range(0, chunk.Count).FirstOrDefault(chunk.HasNoFacts, -1) is var first and >= 0
            ? EvaluateOne(chunk.Build(first), run.AsOf, run.Calendar, new List<DerivedDeadline>(8))
            : null;
        Parallel.ForEach(Partitioner.Create(0, chunk.Count, 2_048), () => new Worker(), (range, _, w) =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var result = none is not null && chunk.HasNoFacts(i) ? none with { PersonId = chunk.PersonId(i) }
                    : EvaluateOne(chunk.Build(i), run.AsOf, run.Calendar, w.Scratch);
                w.Deadlines += result.Deadlines.Length;
                var change = writeAll ? Change.All : DerivedStore.Compare(result, stored[i] < 0 ? null : input.Stored[stored[i]], refreshBefore);
                if (change != Change.None)
                {
                    w.Kept.Add((i, result, change));
                }
            }

            return w;
        }, w =>
        {
            lock (kept)
            {
                kept.AddRange(w.Kept);
                deadlines += w.Deadlines;
            }
        });

        // Back in person order, so that rows are written in key order (and identically on every run).
        kept.Sort((a, b) => a.Index.CompareTo(b.Index));
        var plan = new WritePlan();
        foreach (var (_, result, change) in kept)
        {
            plan.Add(result, change);
        }

        return new Evaluated(plan, chunk.Count, deadlines, watch.Elapsed);
    }

    /// <summary>For each person of the chunk, the position of their stored fingerprints (-1: none); both lists are ordered by person.</summary>
    private static int[] StoredPositions(FactsChunk chunk, List<StoredHash> stored)
    {
        var positions = new int[chunk.Count];
        var j = 0;
        for (var i = 0; i < positions.Length; i++)
        {
            var id = chunk.PersonId(i);
            while (j < stored.Count && stored[j].PersonId < id)
            {
                j++;
            }

            positions[i] = j < stored.Count && stored[j].PersonId == id ? j : -1;
        }

        return positions;
    }

    private static async Task<RecomputeStats> WriteAsync(Run run, ChunkInput input, Evaluated evaluated, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var plan = evaluated.Plan;
        if (run.Mode == Mode.WriteAll)
        {
            await DerivedWriter.WriteAllAsync(run.Target, plan.Protection, run.AsOf, ct);
        }
        else
        {
            if (plan.DeadlinePeople.Count > 0)
            {
                var stored = await DerivedRead.DeadlinesAsync(run.Target, input.Scope, [.. plan.DeadlinePeople.Select(p => p.PersonId)], evaluated.People, ct);
                plan.DiffDeadlines(stored);
            }

            await DerivedWriter.WritePlanAsync(run.Target, plan, run.AsOf, ct);
        }

        return new RecomputeStats(evaluated.People, evaluated.Deadlines, input.ReadTime, evaluated.Time, watch.Elapsed, plan.Hashes.Count, plan.Protection.Count,
            run.Mode == Mode.WriteAll ? evaluated.Deadlines : plan.DeadlineRows);
    }

    private sealed class Worker
    {
        public List<DerivedDeadline> Scratch { get; } = new(8);
        public List<(int Index, PersonResult Result, Change Change)> Kept { get; } = [];
        public int Deadlines { get; set; }
    }

    private enum Mode
    {
        /// <summary>Derived tables were empty: insert every row.</summary>
        WriteAll,
        /// <summary>Everyone: write differences; the watermark confirms the rest.</summary>
        Full,
        /// <summary>Some people: write differences and refresh rows that answer for an earlier day.</summary>
        Scope,
    }

    /// <summary>
    /// SQLite page cache while a large recompute runs (256 MiB), so that the derived tables' index B-trees stay in
    /// memory while many rows change.
    /// </summary>
    private const int LargeCacheKib = 262144;

    private sealed record Run(BulkTarget Target, DateOnly AsOf, ICourtCalendar Calendar, Mode Mode, DateOnly? Watermark);

    private sealed record ChunkInput(PersonScope Scope, FactsChunk Facts, List<StoredHash> Stored, bool WithDay, TimeSpan ReadTime);

    private sealed record Evaluated(WritePlan Plan, int People, int Deadlines, TimeSpan Time);
}
