using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Tables;

namespace Stayline.Features.Hearings;

/// <summary>One row of a court list: the person and hearing it matched, or why it cannot be added.</summary>
public sealed record HearingListRow(int Row, string? ANumber, long? PersonId, string? Name, HearingInput? Hearing, bool AlreadyRecorded, Sentence? Problem)
{
    /// <summary>The problem in English.</summary>
    public string? Error => Problem?.ToString();
}

/// <summary>
/// Hearings added in bulk from a court list (a CSV pasted or uploaded: the immigration court's docket for a day, or a
/// team's sheet). Columns, in any order and case: <c>a_number</c>, <c>date</c> (YYYY-MM-DD), <c>court</c>, and optionally
/// <c>time</c> (HH:MM), <c>judge</c>, <c>kind</c> (master, individual, bond). Preview first; apply is all or none (one bad
/// row applies nothing), in one save that audits each hearing. A hearing already recorded (same person, day, kind and
/// court) is skipped, so the same list can be applied twice.
/// </summary>
public static class HearingList
{
    public const int MaxRows = 20_000;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a_number"] = "a_number",
        ["a-number"] = "a_number",
        ["anumber"] = "a_number",
        ["a number"] = "a_number",
        ["alien number"] = "a_number",
        ["date"] = "date",
        ["hearing date"] = "date",
        ["time"] = "time",
        ["hearing time"] = "time",
        ["court"] = "court",
        ["judge"] = "judge",
        ["ij"] = "judge",
        ["kind"] = "kind",
        ["hearing type"] = "kind",
        ["type"] = "kind",
    };

    public static async Task<(IReadOnlyList<HearingListRow> Rows, Sentence? FileError)> PreviewAsync(StaylineDbContext db, string? text, DateOnly today, CancellationToken ct)
    {
        using var csv = new CsvReader(new StringReader(text ?? ""));
        var header = csv.ReadHeader(out var headerError);
        if (header is null)
        {
            // The CSV reader's own message (a malformed quote) is not translated.
            return ([], headerError is not null ? Sentence.Verbatim(headerError)
                : Sentence.Of($"The list is empty: paste a CSV with a header line (a_number, date, court, and optionally time, judge, kind)."));
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (Aliases.TryGetValue(header[i].Trim(), out var name) && !columns.ContainsKey(name))
            {
                columns[name] = i;
            }
        }

        var missing = new[] { "a_number", "date", "court" }.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], Sentence.Of($"The header line lacks {string.Join(", ", missing)} (it has: {string.Join(", ", header)})."));
        }

        var parsed = new List<(int Row, string? Digits, string? Display, HearingInput? Input, Sentence? Error)>();
        while (csv.Read(out var fields, out var rowError))
        {
            if (parsed.Count == MaxRows)
            {
                return ([], Sentence.Of($"The list has more than {MaxRows:N0} rows: split it."));
            }

            string Cell(string name) => columns.TryGetValue(name, out var i) && i < fields.Length ? fields[i].Trim() : "";
            if (rowError is not null)
            {
                parsed.Add((csv.Row, null, null, null, Sentence.Verbatim(rowError)));
                continue;
            }

            var errors = new List<Sentence>();
            string? digits = null, display = null;
            if (ANumber.TryParse(Cell("a_number"), out var a, out var aError))
            {
                (digits, display) = (a.Value.Digits, a.Value.Display);
            }
            else
            {
                errors.Add(Sentence.Of($"a_number \"{Cell("a_number")}\": {aError}"));
            }

            DateOnly? day = DateOnly.TryParseExact(Cell("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            if (day is null)
            {
                errors.Add(Sentence.Of($"date \"{Cell("date")}\" is not a date in the form YYYY-MM-DD"));
            }

            TimeOnly? at = null;
            if (Cell("time") is { Length: > 0 } timeText)
            {
                if (TimeOnly.TryParseExact(timeText, ["HH:mm", "H:mm", "h:mm tt", "h:mmtt"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                {
                    at = t;
                }
                else
                {
                    errors.Add(Sentence.Of($"time \"{timeText}\" is not a time like 09:30 or 1:30 PM"));
                }
            }

            var kind = KindOf(Cell("kind"));
            if (kind is null)
            {
                errors.Add(Sentence.Of($"kind \"{Cell("kind")}\" is not master, individual or bond"));
            }

            var input = new HearingInput(kind ?? HearingKind.Master, day, at, Cell("court"), Cell("judge") is { Length: > 0 } j ? j : null);
            if (errors.Count == 0 && Hearing.Create(0, input, today) is { Hearing: null } refused)
            {
                errors.AddRange(refused.Errors.Select(e => e.Sentence));
            }

            parsed.Add((csv.Row, digits, display, errors.Count == 0 ? input : null, errors.Count == 0 ? null : errors.Aggregate((a, b) => Sentence.Of($"{a}; {b}"))));
        }

        var wanted = parsed.Where(p => p.Digits is not null).Select(p => p.Digits!).Distinct().ToList();
        var people = new Dictionary<string, (long Id, string Name)>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(1_000))
        {
            foreach (var f in await db.People.AsNoTracking().Where(p => chunk.Contains(p.ANumber!)).Select(p => new { p.ANumber, p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct))
            {
                people[f.ANumber!] = (f.Id, $"{f.GivenName} {f.FamilyName}".Trim());
            }
        }

        var ids = people.Values.Select(p => p.Id).ToList();
        var existing = new HashSet<(long, DateOnly, HearingKind, string)>();
        foreach (var chunk in ids.Chunk(1_000))
        {
            foreach (var h in await db.Hearings.AsNoTracking().Where(h => chunk.Contains(h.PersonId)).Select(h => new { h.PersonId, h.On, h.Kind, h.Court }).ToListAsync(ct))
            {
                existing.Add((h.PersonId, h.On, h.Kind, h.Court.ToUpperInvariant()));
            }
        }

        var seen = new Dictionary<(long, DateOnly, HearingKind, string), int>();
        var rows = new List<HearingListRow>(parsed.Count);
        foreach (var (row, digits, display, input, error) in parsed)
        {
            if (error is not null || digits is null || input is null)
            {
                rows.Add(new(row, display, null, null, null, false, error));
                continue;
            }

            if (!people.TryGetValue(digits, out var person))
            {
                rows.Add(new(row, display, null, null, input, false, Sentence.Of($"no person with this A-number")));
                continue;
            }

            var key = (person.Id, input.On!.Value, input.Kind, input.Court!.Trim().ToUpperInvariant());
            // Listed twice in the same list: the second is skipped like one already recorded.
            rows.Add(new(row, display, person.Id, person.Name, input, existing.Contains(key) || !seen.TryAdd(key, row), null));
        }

        return (rows, null);
    }

    /// <summary>Adds every new hearing of the list, or none when a row has an error.</summary>
    public static async Task<(int Added, IReadOnlyList<HearingListRow> Rows, Sentence? FileError)> ApplyAsync(StaylineDbContext db, string? text, DateOnly today,
        CancellationToken ct)
    {
        var (rows, fileError) = await PreviewAsync(db, text, today, ct);
        if (fileError is not null || rows.Any(r => r.Error is not null))
        {
            return (0, rows, fileError);
        }

        var added = 0;
        foreach (var r in rows.Where(r => !r.AlreadyRecorded))
        {
            db.Hearings.Add(Hearing.Create(r.PersonId!.Value, r.Hearing!, today).Hearing!);
            added++;
        }

        await db.SaveChangesAsync(ct);
        return (added, rows, null);
    }

    private static HearingKind? KindOf(string text) => text.Trim().ToUpperInvariant() switch
    {
        "" or "MASTER" or "MCH" or "MASTER CALENDAR" => HearingKind.Master,
        "INDIVIDUAL" or "IH" or "MERITS" or "INDIVIDUAL (MERITS)" => HearingKind.Individual,
        "BOND" or "CUSTODY" or "BOND REDETERMINATION" => HearingKind.Bond,
        _ => null,
    };
}
