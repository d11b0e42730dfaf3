using Stayline.Domain.Importing;
using Stayline.Domain.Matching;
using Stayline.Domain.People;

namespace Stayline.Features.Matching;

/// <summary>
/// Reads person rows for the match command. Required: id, given name, family name, birth date; optional: A-number,
/// country, city, e-mail, phone, place of birth, father's and mother's names (used when the header has them; other
/// columns are ignored). Header names are matched ignoring case, spaces, '_', '-' and apostrophes, with common
/// variants (first_name, surname, dob, "Father's name").
/// </summary>
internal static class PeopleCsv
{
    public static readonly string[] Columns = ["id", "given_name", "family_name", "dob", "a_number", "country"];

    // Column, then the names it may have in a header (normalised: letters and digits only, lower case).
    private static readonly (string Column, string[] Names, bool Required)[] Known =
    [
        ("id", ["id", "uniqueid", "recordid", "personid", "rowid"], true),
        ("given_name", ["givenname", "firstname", "given", "forename", "forenames", "first", "givennames"], true),
        ("family_name", ["familyname", "surname", "lastname", "family", "last"], true),
        ("dob", ["dob", "dateofbirth", "birthdate", "birthday", "born"], true),
        ("a_number", ["anumber", "aliennumber", "alienno", "anum"], false),
        ("country", ["country", "nationality", "citizenship", "countryofcitizenship", "countryofbirth"], false),
        // The optional particulars have the import's header names (one list for both).
        ("city", [.. ColumnMapping.HeadersOf(ImportField.City)], false),
        ("email", [.. ColumnMapping.HeadersOf(ImportField.Email)], false),
        ("phone", [.. ColumnMapping.HeadersOf(ImportField.Phone)], false),
        ("place_of_birth", [.. ColumnMapping.HeadersOf(ImportField.BirthPlace)], false),
        ("father_name", [.. ColumnMapping.HeadersOf(ImportField.FatherName)], false),
        ("mother_name", [.. ColumnMapping.HeadersOf(ImportField.MotherName)], false),
    ];

    private const int MaxErrorsShown = 10;

    /// <summary>A row longer than this many characters in one field is refused (the match input is not trusted).</summary>
    public const int MaxFieldLength = 1000;

    private readonly record struct RawRow(int Line, string[] Values);

    public static List<PersonRecord> Read(string path)
    {
        var rows = new List<RawRow>();
        string fileName;
        int[] c;
        using (var csv = CsvFileReader.Open(path))
        {
            fileName = csv.FileName;
            c = FindColumns(csv);
            var fields = new List<string>(c.Length);
            while (csv.Read(fields))
            {
                var values = new string[c.Length];
                for (var i = 0; i < c.Length; i++)
                {
                    values[i] = c[i] >= 0 && c[i] < fields.Count ? fields[c[i]] : string.Empty;
                    if (values[i].Length > MaxFieldLength)
                    {
                        throw new CsvInputException(
                            $"{fileName} line {csv.Line}, column \"{csv.Header[c[i]]}\": {values[i].Length} characters; at most {MaxFieldLength} are accepted.");
                    }
                }

                rows.Add(new RawRow(csv.Line, values));
            }
        }

        if (rows.Count == 0)
        {
            throw new CsvInputException($"{fileName}: the file has a header but no rows.");
        }

        var hasExtras = c.Skip(6).Any(i => i >= 0);
        var records = new PersonRecord[rows.Count];
        var errors = new System.Collections.Concurrent.ConcurrentBag<(int Line, string Message)>();
        Parallel.For(0, rows.Count, i =>
        {
            var r = rows[i];
            var v = r.Values;
            var id = v[0].Trim();
            if (id.Length == 0)
            {
                errors.Add((r.Line, $"{fileName} line {r.Line}, column \"id\": empty; every row needs an id."));
                return;
            }

            if (!BirthDate.TryParse(v[3], out var dob, out var dobError))
            {
                errors.Add((r.Line, $"{fileName} line {r.Line}, column \"dob\": {dobError}"));
                return;
            }

            ANumber? aNumber = null;
            if (!string.IsNullOrWhiteSpace(v[4]))
            {
                if (!ANumber.TryParse(v[4], out aNumber, out var aError))
                {
                    errors.Add((r.Line, $"{fileName} line {r.Line}, column \"a_number\": {aError}"));
                    return;
                }
            }

            records[i] = new PersonRecord(id, v[1], v[2], dob, aNumber, v[5])
            {
                Extras = hasExtras ? new PersonExtras(v[6], v[7], v[8], v[9], v[10], v[11]) : null,
            };
        });

        if (!errors.IsEmpty)
        {
            var sorted = errors.OrderBy(e => e.Line).ToList();
            var shown = string.Join(Environment.NewLine, sorted.Take(MaxErrorsShown).Select(e => e.Message));
            var more = sorted.Count > MaxErrorsShown ? $"{Environment.NewLine}... and {sorted.Count - MaxErrorsShown} more rows with errors." : string.Empty;
            throw new CsvInputException(shown + more);
        }

        return [.. records];
    }

    /// <summary>The normalised form of a header name: letters and digits only, lower case ("Father's Name" is "fathersname").</summary>
    public static string NormaliseHeader(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static int[] FindColumns(CsvFileReader csv)
    {
        var header = csv.Header.Select(NormaliseHeader).ToArray();
        var result = new int[Known.Length];
        for (var k = 0; k < Known.Length; k++)
        {
            result[k] = -1;
            foreach (var name in Known[k].Names)
            {
                var i = Array.IndexOf(header, name);
                if (i >= 0)
                {
                    result[k] = i;
                    break;
                }
            }

            if (result[k] < 0 && Known[k].Required)
            {
                throw new CsvInputException(
                    $"{csv.FileName} line 1: missing column \"{Known[k].Column}\" (also accepted: {string.Join(", ", Known[k].Names.Skip(1))}); "
                    + $"the header must include {string.Join(",", Known.Where(x => x.Required).Select(x => x.Column))} "
                    + $"and may include {string.Join(",", Known.Where(x => !x.Required).Select(x => x.Column))} (found: {string.Join(",", csv.Header)}).");
            }
        }

        return result;
    }
}
