using Stayline.Domain.Matching;
using Stayline.Domain.People;

namespace Stayline.Features.Matching;

/// <summary>Reads person rows (id,given_name,family_name,dob,a_number,country) for the match command.</summary>
internal static class PeopleCsv
{
    public static readonly string[] Columns = ["id", "given_name", "family_name", "dob", "a_number", "country"];

    private const int MaxErrorsShown = 10;

    private readonly record struct RawRow(int Line, string Id, string Given, string Family, string Dob, string ANumber, string Country);

    public static List<PersonRecord> Read(string path)
    {
        var rows = new List<RawRow>();
        string fileName;
        using (var csv = CsvFileReader.Open(path))
        {
            fileName = csv.FileName;
            var c = csv.RequireColumns(Columns);
            var fields = new List<string>(Columns.Length);
            while (csv.Read(fields))
            {
                string F(int i) => c[i] < fields.Count ? fields[c[i]] : string.Empty;
                rows.Add(new RawRow(csv.Line, F(0).Trim(), F(1), F(2), F(3), F(4), F(5)));
            }
        }

        if (rows.Count == 0)
        {
            throw new CsvInputException($"{fileName}: the file has a header but no rows.");
        }

        var records = new PersonRecord[rows.Count];
        var errors = new System.Collections.Concurrent.ConcurrentBag<(int Line, string Message)>();
        Parallel.For(0, rows.Count, i =>
        {
            var r = rows[i];
            if (r.Id.Length == 0)
            {
                errors.Add((r.Line, $"{fileName} line {r.Line}, column \"id\": empty; every row needs an id."));
                return;
            }

            if (!BirthDate.TryParse(r.Dob, out var dob, out var dobError))
            {
                errors.Add((r.Line, $"{fileName} line {r.Line}, column \"dob\": {dobError}"));
                return;
            }

            ANumber? aNumber = null;
            if (!string.IsNullOrWhiteSpace(r.ANumber))
            {
                if (!ANumber.TryParse(r.ANumber, out aNumber, out var aError))
                {
                    errors.Add((r.Line, $"{fileName} line {r.Line}, column \"a_number\": {aError}"));
                    return;
                }
            }

            records[i] = new PersonRecord(r.Id, r.Given, r.Family, dob, aNumber, r.Country);
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
}
