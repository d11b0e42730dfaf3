using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Data.Bulk;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Importing;
using Stayline.Domain.Matching;
using Stayline.Domain.People;
using Stayline.Features.Protection;
using Stayline.Infrastructure;
using MatchDate = Stayline.Domain.Matching.BirthDate;

namespace Stayline.Features.Import;

public sealed record ImportOptions
{
    public string Source { get; init; } = "import";
    public string FileName { get; init; } = "";
    /// <summary>Header -> field; null: the mapping saved for the source, else the default headers.</summary>
    public IReadOnlyDictionary<string, ImportField>? Mapping { get; init; }
    public bool DryRun { get; init; }

    /// <summary>The organisation new people become clients of (the importing user's); null: the coordinating one.</summary>
    public long? OrganisationId { get; init; }

    /// <summary>
    /// After the import commits, compute protection and deadlines of the people it created (the bulk writer does not
    /// go through the save hook). Off only in the import benchmark, which measures the import itself.
    /// </summary>
    public bool DeriveProtection { get; init; } = true;
    public long MaxBytes { get; init; } = ImportFiles.DefaultMaxBytes;
    /// <summary>How many rows the preview lists, paged (every error and warning is always listed, however many). The
    /// rows travel in the job's stored report: a bound keeps a list of millions from filling it.</summary>
    public int PreviewRows { get; init; } = MaxPreviewRows;

    public const int MaxPreviewRows = 10_000;
    /// <summary>From how many new people (and at least as many as the table holds) the writer rebuilds indexes instead of maintaining them.</summary>
    internal int BulkMinimum { get; init; } = PeopleBulkWriter.BulkMinimum;

    /// <summary>New people the writer holds (with their name tokens) at a time.</summary>
    internal int WriteSlice { get; init; } = DefaultWriteSlice;

    public const int DefaultWriteSlice = 100_000;

    /// <summary>When set, each phase's time is marked on it (`import people --timings`).</summary>
    public PhaseClock? Timings { get; init; }

    /// <summary>How far an .xlsx may expand (tests lower the limits).</summary>
    internal XlsxLimits? Xlsx { get; init; }
}

public enum ImportPhase
{
    Reading,
    Linking,
    Writing,
    Done,
}

public sealed record ImportProgress(ImportPhase Phase, double Fraction, int Rows);

public sealed record ImportPreviewRow(int Row, string Action, string Name, string? ANumber, string? BirthDate, long? PersonId, string? PersonName, double? Score);

/// <summary>What an import found and did (or, for a dry run or a file with errors, would do).</summary>
public sealed record ImportReport
{
    public long? BatchId { get; init; }
    public string FileName { get; init; } = "";
    public string Source { get; init; } = "";
    public string? FileHash { get; init; }
    /// <summary>How the file was read, in English (the CLI and <c>--json</c>).</summary>
    public string? Format { get; init; }
    /// <summary><see cref="Format"/> as a sentence a page says in the reader's language (null in a report stored before it was kept).</summary>
    public Sentence? ReadAs { get; init; }
    public IReadOnlyList<string> Header { get; init; } = [];
    public IReadOnlyList<ImportField> Fields { get; init; } = [];
    /// <summary>What to know about the columns (stored with format and values; a report stored before held English text,
    /// read back as that text).</summary>
    public IReadOnlyList<Sentence> Warnings { get; init; } = [];
    public IReadOnlyList<ImportError> Errors { get; init; } = [];
    public IReadOnlyList<ImportPreviewRow> Preview { get; init; } = [];
    public int Rows { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public int Review { get; init; }
    /// <summary>Rows held for a facility to be chosen (the list named one not in the catalogue).</summary>
    public int Held { get; init; }
    /// <summary>Rows whose every value is blank (a spacer between blocks): skipped, not counted in <see cref="Rows"/>.</summary>
    public int Blank { get; init; }
    /// <summary>What to check on a row that is imported anyway (no A-number, a held facility), every row, in file order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ImportError> RowWarnings { get; init; } = [];
    /// <summary>How many row warnings there are when the report is stored (the warnings themselves are stored after the errors).</summary>
    public int? WarningTotal { get; init; }
    [System.Text.Json.Serialization.JsonIgnore]
    public int WarningCount => WarningTotal ?? RowWarnings.Count;
    public bool Written { get; init; }
    public bool DryRun { get; init; }
    /// <summary>The same file was imported before (and not undone): nothing was done.</summary>
    public long? AlreadyImportedAs { get; init; }

    /// <summary>How many errors there are when <see cref="Errors"/> holds only some of them (a stored report holds none).</summary>
    public int? ErrorTotal { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public int ErrorCount => ErrorTotal ?? Errors.Count;

    public string Summary => Said.ToString();

    /// <summary><see cref="Summary"/> as a sentence a page says in the reader's language.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Sentence Said
    {
        get
        {
            if (AlreadyImportedAs is { } b)
            {
                return Sentence.Of($"{FileName} was already imported (import {b}); nothing changed.");
            }

            if (ErrorCount > 0)
            {
                return ErrorCount == 1
                    ? Sentence.Of($"{FileName}: 1 error; nothing was written. Fix the file and import it again.")
                    : Sentence.Of($"{FileName}: {ErrorCount:N0} errors; nothing was written. Fix the file and import it again.");
            }

            object held = Held > 0 ? Sentence.Of($", {Held:N0} held for a facility") : "";
            // The rows counted are the rows read: the parts after the colon (blank rows skipped included) add up to it.
            object blank = Blank switch { 0 => "", 1 => Sentence.Of($", 1 blank row skipped"), _ => Sentence.Of($", {Blank:N0} blank rows skipped") };
            object done = Written ? Sentence.Of($" (import {BatchId})") : DryRun ? Sentence.Of($" (dry run: nothing written)") : "";
            var read = Rows + Blank;
            object rows = read == 1 ? Sentence.Of($"1 row") : Sentence.Of($"{read:N0} rows");
            return Sentence.Of($"{FileName}: {rows}: {Created:N0} new, {Updated:N0} updated, {Unchanged:N0} unchanged, {Review:N0} to review{held}{blank}{done}.");
        }
    }
}

/// <summary>What an import does to a person it linked to; applied to tracked entities, saved with the batch.</summary>
internal sealed record RowPlan(ImportedPerson Row, ImportRowAction Action, Person? Target, double? Score, ImportBefore? Before);

/// <summary>A person's state before an import or review decision changed it, for undo.</summary>
public sealed record ImportBefore(PersonInput Input, CustodyStatus Status, long? FacilityId, long? ReopenEpisodeId, List<long> AddedAliasIds, List<long> AddedEpisodeIds);

/// <summary>
/// Imports a list of people: reads and checks every row, links each to the people already known (same
/// A-number, or the linkage engine's "same person"), then in one transaction creates, updates or queues
/// rows for review, and records the batch so it can be undone.
/// </summary>
public sealed class ImportService(StaylineDbContext db, TimeProvider clock, AuditActor actor, ProtectionRecompute recompute)
{
    public static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task<ImportReport> RunAsync(string path, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var report = new ImportReport { FileName = options.FileName, Source = options.Source, DryRun = options.DryRun };
        IRowSource source;
        string hash;
        try
        {
            (source, hash) = ImportFiles.Open(path, options.FileName, options.MaxBytes, options.Xlsx);
        }
        catch (ImportFileException ex)
        {
            return report with { Errors = [new ImportError(0, null, null, Sentence.Verbatim(ex.Message))] };
        }

        using (source)
        {
            report = report with { FileHash = hash, Format = source.Description.ToString(), ReadAs = source.Description, Header = source.Header };
            var earlier = await db.ImportBatches.AsNoTracking().Where(b => b.FileHash == hash && b.UndoneAt == null)
                .Select(b => (long?)b.Id).FirstOrDefaultAsync(ct);
            if (earlier is not null)
            {
                return report with { AlreadyImportedAs = earlier };
            }

            var mapping = ColumnMapping.Resolve(source.Header, options.Mapping ?? await SavedMappingAsync(options.Source, ct));
            report = report with { Fields = mapping.Fields, Warnings = mapping.Warnings };
            if (mapping.Errors.Count > 0)
            {
                return report with { Errors = mapping.Errors };
            }

            var today = clock.Today();
            // A government list may name a facility by an alias or its ICE code; the catalogue's own name is tried first.
            var facilities = new FacilityCatalogue((await db.Facilities.AsNoTracking().Select(f => new { f.Id, f.Name, f.Aliases, f.IceCode }).ToListAsync(ct))
                .SelectMany(f => Domain.Custody.Facility.NamesOf(f.Name, f.Aliases, f.IceCode).Select((n, i) => (i, f.Id, n)))
                .OrderBy(x => x.i).Select(x => (x.Id, x.n)));
            // First pass: every row read and checked, streaming. Kept: the errors, the first rows (for the preview),
            // the rows linked to known people, and (when the import will be written) the valid rows in a temporary file.
            var errors = new ImportErrorList();
            var warnings = new ImportErrorList();
            var held = new List<ImportedPerson>();
            using var spill = options.DryRun ? null : new ValidRowSpill(db.Model);
            var linker = await db.People.AnyAsync(ct) ? await ChunkLinker.LoadAsync(db, ct) : null;
            var elsewhere = await OtherOrganisationsANumbersAsync(ct);
            var first = new List<ImportedPerson>();
            var valid = 0;
            var blank = 0;
            try
            {
                blank = ReadRows(source, mapping, facilities, elsewhere, today, progress, errors, warnings, person =>
                {
                    if (person.HeldFacility is not null)
                    {
                        held.Add(person);
                        return;
                    }

                    valid++;
                    if (first.Count < options.PreviewRows)
                    {
                        first.Add(person);
                    }

                    linker?.Add(person);
                    if (errors.Count == 0)
                    {
                        spill?.Add(person, today);
                    }
                });
                linker?.Flush();
            }
            catch (ImportFileException ex)
            {
                errors.Dispose();
                return report with { Errors = [new ImportError(0, null, null, Sentence.Verbatim(ex.Message))] };
            }

            report = report with { Rows = valid + held.Count + errors.Rows, Held = held.Count, Blank = blank, RowWarnings = warnings };
            options.Timings?.Mark("reading and checking");
            ReleaseMemory(valid);
            options.Timings?.Mark("memory released");
            if (errors.Count > 0)
            {
                return report with { Errors = errors };
            }

            progress?.Report(new ImportProgress(ImportPhase.Linking, 0, valid));
            var plans = await PlanAsync(linker?.Linked ?? [], options.Source, today, errors, ct);
            var byRow = plans.ToDictionary(p => p.Row.Row);
            var notCreated = plans.Where(p => p.Action != ImportRowAction.Created).Select(p => p.Row.Row).ToHashSet();
            report = report with
            {
                Created = valid - notCreated.Count,
                Updated = plans.Count(p => p.Action == ImportRowAction.Updated),
                Unchanged = plans.Count(p => p.Action == ImportRowAction.Unchanged),
                Review = plans.Count(p => p.Action == ImportRowAction.Review),
                Preview = first.Select(r => Describe(byRow.TryGetValue(r.Row, out var plan) ? plan : new RowPlan(r, ImportRowAction.Created, null, null, null))).ToList(),
            };
            options.Timings?.Mark("linking");
            if (errors.Count > 0 || options.DryRun)
            {
                db.ChangeTracker.Clear();
                return report with { Errors = errors };
            }

            // A large load into a file this process holds alone is written once, not twice (BulkJournal); the
            // connection stays open so that the journal mode set on it holds until it is set back.
            await db.Database.OpenConnectionAsync(ct);
            await using var journal = report.Created >= options.BulkMinimum ? await BulkJournal.RollbackAsync(BulkTarget.Of(db), ct) : null;
            options.Timings?.Mark(journal is null ? "journal: write-ahead log" : "journal: rollback (file held alone)");

            // Second pass: the valid rows from the temporary file, a slice at a time.
            var batchId = await WriteAsync(plans, held, spill!, notCreated, options, hash, report, progress, ct);
            if (options.Mapping is not null)
            {
                await SaveMappingAsync(options.Source, options.Mapping, ct);
            }

            ReleaseMemory(valid);
            options.Timings?.Mark("memory released");
            if (options.DeriveProtection && report.Created > 0)
            {
                // New people have no protection row yet: until they get one, the lists and counts of who is not
                // protected would leave them out. Their status (usually "unknown: record the removal order") is
                // computed now, in its own transaction, so the import itself stays one transaction.
                var stats = await recompute.RecomputeStaleAsync(db, clock.Today(), ct);
                options.Timings?.Mark("protection and deadlines");
                options.Timings?.Step("facts read", stats.Read);
                options.Timings?.Step("evaluation", stats.Evaluate);
                options.Timings?.Step("writes", stats.Write);
            }

            progress?.Report(new ImportProgress(ImportPhase.Done, 1, valid));
            return report with { BatchId = batchId, Written = true };
        }
    }

    /// <summary>
    /// After a pass over a large list, its garbage is collected and the memory handed back before the next phase
    /// starts (a second of work against minutes): otherwise the next phase's peak stacks on this one's leftovers.
    /// </summary>
    private static void ReleaseMemory(int rows)
    {
        if (rows >= LargeList)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>From how many rows a list counts as large for <see cref="ReleaseMemory"/>.</summary>
    private const int LargeList = 100_000;

    private static ImportPreviewRow Describe(RowPlan p) => new(p.Row.Row, p.Action.ToString(),
        $"{p.Row.Input.GivenName} {p.Row.Input.FamilyName}".Trim(), p.Row.Input.ANumber,
        p.Row.Input.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Target?.Id, p.Target?.FullName, p.Score);

    /// <summary>Rows handed to a parsing task at a time: large enough to amortise the task, small enough to keep both cores busy.</summary>
    private const int ReadChunk = 4096;

    /// <summary>A chunk is also sent once its rows hold this many characters and values (weighed as 4 characters each): rows of the largest size allowed must not pile up.</summary>
    private const int ReadChunkWeight = 4 << 20;

    /// <summary>
    /// Reads every row and checks it. The file is read on this thread while the rows already read are parsed and
    /// checked on the other core(s), chunk by chunk; the chunks are then taken in file order, so the rows, the
    /// errors and the duplicate A-number check come out exactly as a row-by-row read would give them. Each valid
    /// row goes to <paramref name="valid"/> and is not kept here: memory holds a few chunks, whatever the file's size.
    /// Returns how many blank rows were skipped.
    /// </summary>
    private static int ReadRows(IRowSource source, ColumnMapping mapping, FacilityCatalogue facilities, IReadOnlyDictionary<int, string> elsewhere,
        DateOnly today, IProgress<ImportProgress>? progress, ImportErrorList errors, ImportErrorList warnings, Action<ImportedPerson> valid)
    {
        var byANumber = new Dictionary<int, int>();
        var aColumn = mapping.IndexOf(ImportField.ANumber);
        var pending = new Queue<Task<ParsedChunk>>();
        var chunk = new List<RawRow>(ReadChunk);
        var weight = 0;
        var count = 0;
        var blank = 0;

        void Take(ParsedChunk parsed)
        {
            blank += parsed.Blank;
            var e = 0;
            for (var i = 0; i < parsed.Rows.Length; i++)
            {
                var (raw, person, errorEnd) = (parsed.Raw[i], parsed.Rows[i], parsed.ErrorEnds[i]);
                for (; e < errorEnd; e++)
                {
                    errors.Add(parsed.Errors[e]);
                }

                if (person is null)
                {
                    continue;
                }

                // An A-number is at most nine digits: an int, so a list of millions keeps a small dictionary.
                if (person.ANumberDigits is { } digits && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
                {
                    if (byANumber.TryGetValue(key, out var firstRow))
                    {
                        errors.Add(new ImportError(raw.Row, mapping.Header[aColumn], raw.Fields[aColumn],
                            Sentence.Of($"The same A-number is on row {firstRow}; one person per A-number (merge the two rows).")));
                        continue;
                    }

                    byANumber[key] = raw.Row;
                    if (elsewhere.TryGetValue(key, out var owner))
                    {
                        errors.Add(new ImportError(raw.Row, mapping.Header[aColumn], raw.Fields[aColumn],
                            Sentence.Of($"This A-number belongs to a client of {owner}: ask that organisation to share the person with yours instead of importing a second record.")));
                        continue;
                    }
                }

                if (person.ANumberDigits is null)
                {
                    warnings.Add(new ImportError(raw.Row, null, null, Sentence.Of($"No A-number: the row is matched to known people by name and birth date only.")));
                }

                if (person.HeldFacility is { } facility)
                {
                    var column = mapping.IndexOf(ImportField.Facility) is var fi and >= 0 ? mapping.Header[fi] : null;
                    warnings.Add(new ImportError(raw.Row, column, facility,
                        Sentence.Of($"No facility by this name in the catalogue: the row is held, not imported, until a facility is chosen or added on the Import page (the other rows import).")));
                }

                valid(person);
            }

            progress?.Report(new ImportProgress(ImportPhase.Reading, parsed.Fraction, parsed.Count));
        }

        void Send()
        {
            var batch = chunk.ToArray();
            var (fraction, upTo) = (source.Fraction, count);
            pending.Enqueue(Task.Run(() => ParseChunk(batch, mapping, facilities, today, fraction, upTo)));
            chunk.Clear();
            weight = 0;
            // Two chunks in flight: one being parsed while the next is read.
            while (pending.Count > 2)
            {
                Take(pending.Dequeue().GetAwaiter().GetResult());
            }
        }

        try
        {
            while (source.Read(out var fields, out var row, out var error))
            {
                count++;
                chunk.Add(new RawRow(fields, row, error));
                weight += 4 * fields.Length;
                foreach (var f in fields)
                {
                    weight += f.Length;
                }

                if (chunk.Count == ReadChunk || weight >= ReadChunkWeight)
                {
                    Send();
                }
            }

            if (chunk.Count > 0)
            {
                Send();
            }
        }
        catch
        {
            // A read error ends the import; the chunks already sent finish first (what they found no longer matters).
            foreach (var sent in pending)
            {
                sent.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
            }

            throw;
        }

        while (pending.Count > 0)
        {
            Take(pending.Dequeue().GetAwaiter().GetResult());
        }

        if (count == 0)
        {
            errors.Add(new ImportError(0, null, null, Sentence.Of($"The file has a header but no rows.")));
        }

        progress?.Report(new ImportProgress(ImportPhase.Reading, 1, count));
        return blank;
    }

    private readonly record struct RawRow(string[] Fields, int Row, string? Error);

    /// <summary>A chunk's rows checked: per row the person (null when the row has errors) and where its errors end.</summary>
    private sealed record ParsedChunk(RawRow[] Raw, ImportedPerson?[] Rows, int[] ErrorEnds, List<ImportError> Errors, double Fraction, int Count, int Blank);

    private static ParsedChunk ParseChunk(RawRow[] raw, ColumnMapping mapping, FacilityCatalogue facilities, DateOnly today, double fraction, int count)
    {
        var people = new ImportedPerson?[raw.Length];
        var ends = new int[raw.Length];
        var errors = new List<ImportError>();
        var blank = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var (fields, row, error) = raw[i];
            if (error is not null)
            {
                errors.Add(new ImportError(row, null, null, Sentence.Verbatim(error)));
            }
            else if (fields.All(f => f.Trim().Length == 0))
            {
                // A blank row (a spacer between blocks, trailing empty lines) is no one: skipped, not an error.
                blank++;
            }
            else if (fields.Length > mapping.Header.Count && fields.Skip(mapping.Header.Count).Any(f => f.Trim().Length > 0))
            {
                errors.Add(new ImportError(row, null, null,
                    Sentence.Of($"The row has {fields.Length} values but the header has {mapping.Header.Count} columns (an unquoted delimiter inside a value?).")));
            }
            else
            {
                people[i] = PersonRowParser.Parse(row, mapping, fields, facilities, today, errors);
            }

            ends[i] = errors.Count;
        }

        return new ParsedChunk(raw, people, ends, errors, fraction, count, blank);
    }

    /// <summary>Decides each row linked to a known person; applies the change to the tracked entity (saved only if the import is written).</summary>
    private async Task<List<RowPlan>> PlanAsync(IReadOnlyList<ChunkLinker.Link> linked, string source, DateOnly today, ImportErrorList errors, CancellationToken ct)
    {
        var targets = linked.Count == 0 ? [] : await LoadTrackedAsync(linked.Select(l => l.PersonId).Distinct().ToList(), ct);
        var plans = new List<RowPlan>(linked.Count);
        var updatedTwice = new Dictionary<long, int>();
        foreach (var (row, personId, score, decision) in linked)
        {
            var target = targets[personId];
            if (decision == MatchDecision.NeedsReview && !SaysNothingNew(target, row))
            {
                plans.Add(new RowPlan(row, ImportRowAction.Review, target, score, null));
                continue;
            }

            if (updatedTwice.TryGetValue(target.Id, out var firstRow))
            {
                errors.Add(new ImportError(row.Row, null, null,
                    Sentence.Of($"Row {firstRow} and this row are both the same person ({target.FullName}, id {target.Id}); keep one row.")));
                continue;
            }

            updatedTwice[target.Id] = row.Row;
            var (before, rowErrors) = ApplyToPerson(target, row, source, today);
            foreach (var e in rowErrors)
            {
                errors.Add(new ImportError(row.Row, e.Field, null, e.Sentence));
            }

            plans.Add(new RowPlan(row, before is null ? ImportRowAction.Unchanged : ImportRowAction.Updated, target, score, before));
        }

        return plans;
    }

    /// <summary>
    /// A row the linker cannot decide on but which repeats what the person's record already says, value for value
    /// (the same list again in another format, say): nothing for a person to review, and nothing to change.
    /// </summary>
    internal static bool SaysNothingNew(Person person, ImportedPerson row)
    {
        var r = row.Input;
        static bool Same(string? a, string? b) => a is null || b is not null && SearchText.Fold(a) == SearchText.Fold(b);
        var name = SearchText.Fold($"{r.GivenName} {r.FamilyName}");
        return (r.ANumber is null ? person.ANumber is null : person.ANumber == ANumber.Parse(r.ANumber).Digits)
            && (name == SearchText.Fold(person.FullName) || person.Aliases.Any(a => SearchText.Fold(a.FullName) == name))
            && r.BirthDate == person.BirthDate && r.BirthDatePrecision == person.BirthDatePrecision
            && Same(r.Citizenship, person.Citizenship) && Same(r.NativeName, person.NativeName) && Same(r.Languages, person.Languages)
            && Same(r.BirthPlace, person.BirthPlace) && Same(r.FatherName, person.FatherName) && Same(r.MotherName, person.MotherName)
            && Same(r.City, person.City) && Same(r.Email, person.Email) && Same(r.Phone, person.Phone)
            && (row.FacilityId is null || row.FacilityId == person.CurrentFacilityId);
    }

    private async Task<Dictionary<long, Person>> LoadTrackedAsync(List<long> ids, CancellationToken ct)
    {
        var result = new Dictionary<long, Person>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var p in await db.People.Include(p => p.Aliases).Include(p => p.CustodyEpisodes).Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
            {
                result[p.Id] = p;
            }
        }

        return result;
    }

    internal static PersonRecord ToRecord(ImportedPerson row) =>
        new(row.Row.ToString(CultureInfo.InvariantCulture), row.Input.GivenName, row.Input.FamilyName, row.LinkBirthDate,
            row.ANumberDigits is { } d ? ANumber.Parse(d) : null, row.Input.Citizenship)
        { Extras = KnownRecords.ExtrasOf(row.Input.City, row.Input.Email, row.Input.Phone, row.Input.BirthPlace, row.Input.FatherName, row.Input.MotherName) };

    /// <summary>
    /// Brings what the row knows into the person: fills fields the person lacks (never overwrites what a person
    /// typed), keeps the row's spelling as an alias, and records a detention or transfer to the row's facility.
    /// Returns the before-state (null when nothing changed).
    /// </summary>
    internal static (ImportBefore? Before, IReadOnlyList<Domain.Common.FieldError> Errors) ApplyToPerson(Person person, ImportedPerson row, string source, DateOnly today)
    {
        var before = new ImportBefore(person.ToInput(), person.CustodyStatus, person.CurrentFacilityId, null, [], []);
        var current = person.ToInput();
        var r = row.Input;
        var better = current.WithBlanksFilledFrom(r);
        var changed = better != current;
        if (changed)
        {
            var errors = person.Update(better, today);
            if (errors.Count > 0)
            {
                return (null, errors);
            }
        }

        var rowName = SearchText.Fold($"{r.GivenName} {r.FamilyName}");
        if (rowName != SearchText.Fold(person.FullName) && person.Aliases.All(a => SearchText.Fold(a.FullName) != rowName))
        {
            person.AddAlias(r.GivenName, r.FamilyName, source);
            changed = true;
        }

        if (row.FacilityId is { } facility && person.CurrentFacilityId != facility)
        {
            var open = person.CustodyEpisodes.FirstOrDefault(e => e.IsOpen);
            var on = row.DetainedSince ?? today;
            var errors = open is null ? CustodyLedger.Detain(person, facility, on, today) : CustodyLedger.Transfer(person, facility, on, today);
            if (errors.Count > 0)
            {
                return (null, errors);
            }

            before = before with { ReopenEpisodeId = open?.Id };
            changed = true;
        }

        return (changed ? before : null, []);
    }

    private async Task<long> WriteAsync(List<RowPlan> plans, List<ImportedPerson> held, ValidRowSpill spill, IReadOnlySet<int> notCreated, ImportOptions options, string hash, ImportReport report,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        db.Database.SetCommandTimeout(PeopleBulkWriter.CopyTimeout);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = new ImportBatch
        {
            Source = options.Source,
            FileName = Path.GetFileName(options.FileName),
            FileHash = hash,
            At = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Rows = report.Rows,
            Created = report.Created,
            Updated = report.Updated,
            Unchanged = report.Unchanged,
            Review = report.Review,
        };
        db.ImportBatches.Add(batch);
        // Saves the batch and every update to linked people (audited per change by the context).
        var updates = plans.Where(p => p.Action == ImportRowAction.Updated).ToList();
        var aliasesBefore = updates.ToDictionary(p => p.Target!.Id, p => p.Target!.Aliases.Where(a => a.Id != 0).Select(a => a.Id).ToHashSet());
        var episodesBefore = updates.ToDictionary(p => p.Target!.Id, p => p.Target!.CustodyEpisodes.Where(e => e.Id != 0).Select(e => e.Id).ToHashSet());
        await db.SaveChangesAsync(ct);

        foreach (var p in plans.Where(p => p.Action != ImportRowAction.Created))
        {
            var before = p.Before;
            if (before is not null && p.Target is { } t)
            {
                before.AddedAliasIds.AddRange(t.Aliases.Select(a => a.Id).Where(id => !aliasesBefore[t.Id].Contains(id)));
                before.AddedEpisodeIds.AddRange(t.CustodyEpisodes.Select(e => e.Id).Where(id => !episodesBefore[t.Id].Contains(id)));
            }

            db.ImportRows.Add(new ImportBatchRow
            {
                BatchId = batch.Id,
                Row = p.Row.Row,
                Action = p.Action,
                PersonId = p.Target?.Id,
                VersionAfter = p.Target?.Version ?? 0,
                Before = before is null ? null : JsonSerializer.Serialize(before, Json),
                Payload = p.Action == ImportRowAction.Review ? JsonSerializer.Serialize(ReviewPayload.From(p.Row), Json) : null,
                Score = p.Score,
            });
        }

        // Rows naming a facility not in the catalogue wait on the Import page for one to be chosen (ImportHeld).
        db.ImportRows.AddRange(held.Select(h => new ImportBatchRow
        {
            BatchId = batch.Id,
            Row = h.Row,
            Action = ImportRowAction.Held,
            Payload = JsonSerializer.Serialize(ReviewPayload.From(h) with { FacilityName = h.HeldFacility }, Json),
        }));
        var created = report.Created;
        progress?.Report(new ImportProgress(ImportPhase.Writing, 0, created));
        var organisation = await OrganisationOfImportAsync(options, ct);
        options.Timings?.Mark("batch and updates saved");
        var runs = await PeopleBulkWriter.WriteAsync(db, created, spill.Slices(options.WriteSlice, notCreated), now, options.BulkMinimum,
            n => progress?.Report(new ImportProgress(ImportPhase.Writing, created == 0 ? 1 : (double)n / created, n)), ct, organisation, options.Timings);
        db.ImportCreated.AddRange(runs.Select(r => new ImportCreatedRange { BatchId = batch.Id, FromId = r.From, ToId = r.To }));
        db.AuditEvents.Add(new Domain.Work.AuditEvent(now, actor.UserId, actor.UserName, "import", nameof(ImportBatch),
            batch.Id.ToString(CultureInfo.InvariantCulture), null, null,
            JsonSerializer.Serialize(new { batch.Source, batch.FileName, batch.FileHash, batch.Rows, batch.Created, batch.Updated, batch.Unchanged, batch.Review })));
        await db.SaveChangesAsync(ct);
        options.Timings?.Mark("batch ranges and audit saved");
        await transaction.CommitAsync(ct);
        options.Timings?.Mark("commit");
        return batch.Id;
    }

    /// <summary>
    /// The A-numbers of people the importing user may not see, with their organisation's name (A-numbers are unique
    /// across the install: such a row would otherwise fail at the unique index). Empty for a reader who sees all.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, string>> OtherOrganisationsANumbersAsync(CancellationToken ct)
    {
        if (db.Visibility.All)
        {
            return new Dictionary<int, string>();
        }

        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var hidden = await db.PeopleHiddenFrom(db.Visibility).AsNoTracking().Where(p => p.ANumber != null)
            .Select(p => new { p.ANumber, p.OrganisationId }).ToListAsync(ct);
        return hidden.ToDictionary(p => int.Parse(p.ANumber!, NumberStyles.None, CultureInfo.InvariantCulture), p => names.GetValueOrDefault(p.OrganisationId, "another organisation"));
    }

    /// <summary>New people join the organisation the command line named, else the importing user's, else the coordinating one.</summary>
    private async Task<long> OrganisationOfImportAsync(ImportOptions options, CancellationToken ct)
    {
        if (options.OrganisationId is { } named)
        {
            return named;
        }

        var userId = actor.UserId;
        var users = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
        return users ?? await db.CoordinatingOrganisationIdAsync(ct)
            ?? throw new InvalidOperationException("There is no coordinating organisation: run `stayline db migrate`.");
    }

    public async Task<IReadOnlyDictionary<string, ImportField>?> SavedMappingAsync(string source, CancellationToken ct)
    {
        var json = await db.ImportMappings.AsNoTracking().Where(m => m.Source == source).Select(m => m.MappingJson).FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<Dictionary<string, ImportField>>(json, Json);
    }

    private async Task SaveMappingAsync(string source, IReadOnlyDictionary<string, ImportField> mapping, CancellationToken ct)
    {
        var saved = await db.ImportMappings.FirstOrDefaultAsync(m => m.Source == source, ct);
        if (saved is null)
        {
            saved = new ImportSourceMapping { Source = source };
            db.ImportMappings.Add(saved);
        }

        saved.MappingJson = JsonSerializer.Serialize(mapping, Json);
        saved.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A review row's values, stored until someone decides.</summary>
public sealed record ReviewPayload(PersonInput Input, long? FacilityId, DateOnly? DetainedSince, string LinkBirthDate)
{
    /// <summary>For a held row: the facility name the list gave, not in the catalogue.</summary>
    public string? FacilityName { get; init; }

    public static ReviewPayload From(ImportedPerson row) => new(row.Input, row.FacilityId, row.DetainedSince, row.LinkBirthDate.ToString());

    public ImportedPerson ToRow(int rowNumber)
    {
        MatchDate.TryParse(LinkBirthDate.Split(' ')[0], out var d, out _);
        return new ImportedPerson(rowNumber, Input, FacilityId, DetainedSince, d);
    }
}

/// <summary>Every known person and alias as linkage records; several records may belong to one person.</summary>
internal sealed record KnownRecords(List<PersonRecord> Records, List<long> PersonIds)
{
    public static async Task<KnownRecords> LoadAsync(StaylineDbContext db, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.GivenName,
                p.FamilyName,
                p.BirthDate,
                p.BirthDatePrecision,
                p.ANumber,
                p.Citizenship,
                p.City,
                p.Email,
                p.Phone,
                p.BirthPlace,
                p.FatherName,
                p.MotherName
            }).ToListAsync(ct);
        var aliases = await db.PersonNames.AsNoTracking().Select(a => new { a.PersonId, a.GivenName, a.FamilyName }).ToListAsync(ct);
        var records = new List<PersonRecord>(people.Count + aliases.Count);
        var ids = new List<long>(people.Count + aliases.Count);
        var byId = new Dictionary<long, int>(people.Count);
        foreach (var p in people)
        {
            byId[p.Id] = records.Count;
            records.Add(new PersonRecord(p.Id.ToString(CultureInfo.InvariantCulture), p.GivenName, p.FamilyName, DateOf(p.BirthDate, p.BirthDatePrecision),
                p.ANumber is null ? null : ANumber.FromStored(p.ANumber), p.Citizenship)
            { Extras = ExtrasOf(p.City, p.Email, p.Phone, p.BirthPlace, p.FatherName, p.MotherName) });
            ids.Add(p.Id);
        }

        foreach (var a in aliases)
        {
            var main = records[byId[a.PersonId]];
            records.Add(new PersonRecord(main.Id, a.GivenName, a.FamilyName, main.BirthDate, main.ANumber, main.Country) { Extras = main.Extras });
            ids.Add(a.PersonId);
        }

        return new KnownRecords(records, ids);
    }

    /// <summary>A person's particulars for the linkage engine; null when they have none (most people: no cost).</summary>
    public static PersonExtras? ExtrasOf(string? city, string? email, string? phone, string? birthPlace, string? fatherName, string? motherName) =>
        city is null && email is null && phone is null && birthPlace is null && fatherName is null && motherName is null
            ? null
            : new PersonExtras(city, email, phone, birthPlace, fatherName, motherName) is { IsEmpty: false } extras ? extras : null;

    public static MatchDate DateOf(DateOnly? date, BirthDatePrecision precision) => date is not { } d
        ? MatchDate.Missing
        : precision == BirthDatePrecision.YearOnly ? MatchDate.YearOnly(d.Year) : MatchDate.Exact(d.Year, d.Month, d.Day);
}

/// <summary>
/// Links the rows of an import to the people already known, a chunk of rows at a time as the first pass reads
/// them: same A-number, or the linkage engine's "same person" or "needs review". Only linked rows are kept.
/// An import of more than <see cref="ChunkSize"/> rows is linked chunk by chunk: the name frequencies the engine
/// weighs agreement by are then those of the chunk and the known people, not of the whole file.
/// </summary>
internal sealed class ChunkLinker(KnownRecords existing, Dictionary<string, long> byANumber)
{
    public const int ChunkSize = 100_000;

    private readonly List<ImportedPerson> _pending = [];

    public readonly record struct Link(ImportedPerson Row, long PersonId, double Score, MatchDecision Decision);

    /// <summary>The rows linked to a known person, in file order.</summary>
    public List<Link> Linked { get; } = [];

    public static async Task<ChunkLinker> LoadAsync(StaylineDbContext db, CancellationToken ct)
    {
        var known = await db.People.AsNoTracking().Where(p => p.ANumber != null).Select(p => new { p.Id, p.ANumber }).ToListAsync(ct);
        return new ChunkLinker(await KnownRecords.LoadAsync(db, ct), known.ToDictionary(k => k.ANumber!, k => k.Id, StringComparer.Ordinal));
    }

    public void Add(ImportedPerson row)
    {
        _pending.Add(row);
        if (_pending.Count == ChunkSize)
        {
            Flush();
        }
    }

    public void Flush()
    {
        var links = new Dictionary<int, (long PersonId, double Score, MatchDecision Decision)>();
        var unlinked = new List<int>();
        for (var i = 0; i < _pending.Count; i++)
        {
            if (_pending[i].ANumberDigits is { } d && byANumber.TryGetValue(d, out var id))
            {
                links[i] = (id, 1, MatchDecision.SamePerson);
            }
            else
            {
                unlinked.Add(i);
            }
        }

        if (unlinked.Count > 0)
        {
            var left = unlinked.Select(i => ImportService.ToRecord(_pending[i])).ToList();
            foreach (var pair in Linker.Link(left, existing.Records))
            {
                var i = unlinked[pair.Left];
                if (!links.TryGetValue(i, out var best) || pair.Score > best.Score)
                {
                    links[i] = (existing.PersonIds[pair.Right], pair.Score, pair.Decision);
                }
            }
        }

        for (var i = 0; i < _pending.Count; i++)
        {
            if (links.TryGetValue(i, out var link) && link.Decision != MatchDecision.Different)
            {
                Linked.Add(new Link(_pending[i], link.PersonId, link.Score, link.Decision));
            }
        }

        _pending.Clear();
    }
}
