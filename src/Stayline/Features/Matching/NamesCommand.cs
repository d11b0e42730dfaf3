using System.CommandLine;
using System.Globalization;
using Stayline.Domain.Matching;
using Stayline.Tables;

namespace Stayline.Features.Matching;

/// <summary>`stayline names compare "NAME 1" "NAME 2"` or `stayline names compare --csv FILE`.</summary>
internal static class NamesCommand
{
    public static Command Create()
    {
        var first = new Argument<string?>("name1") { Description = "First name", Arity = ArgumentArity.ZeroOrOne };
        var second = new Argument<string?>("name2") { Description = "Second name", Arity = ArgumentArity.ZeroOrOne };
        var csv = new Option<string?>("--csv") { Description = "CSV with columns name1,name2; writes name1,name2,score,is_match" };
        var output = new Option<string?>("--out") { Description = "With --csv: write to this file instead of standard output" };
        var compare = new Command("compare", "Similarity of two person names in [0,1]") { first, second, csv, output };
        compare.SetAction(parseResult =>
        {
            var config = parseResult.InvocationConfiguration;
            var file = parseResult.GetValue(csv);
            var a = parseResult.GetValue(first);
            var b = parseResult.GetValue(second);
            if (file is null)
            {
                if (a is null || b is null)
                {
                    config.Error.WriteLine("names compare: give two names, or --csv FILE.");
                    return 1;
                }

                config.Output.WriteLine(NameComparer.Similarity(a, b).ToString("0.0000", CultureInfo.InvariantCulture));
                return 0;
            }

            if (a is not null)
            {
                config.Error.WriteLine("names compare: give either two names or --csv FILE, not both.");
                return 1;
            }

            try
            {
                CompareFile(file, parseResult.GetValue(output), config.Output);
                return 0;
            }
            catch (CsvInputException e)
            {
                config.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return new Command("names", "Name tools") { compare };
    }

    private static void CompareFile(string path, string? outPath, TextWriter stdout)
    {
        var rows = new List<(string A, string B)>();
        using (var reader = CsvFileReader.Open(path))
        {
            var c = reader.RequireColumns("name1", "name2");
            var fields = new List<string>();
            while (reader.Read(fields))
            {
                rows.Add((c[0] < fields.Count ? fields[c[0]] : string.Empty, c[1] < fields.Count ? fields[c[1]] : string.Empty));
            }

            if (rows.Count == 0)
            {
                throw new CsvInputException($"{reader.FileName}: the file has a header but no rows.");
            }
        }

        var scores = new double[rows.Count];
        Parallel.For(0, rows.Count, i => scores[i] = NameComparer.Similarity(rows[i].A, rows[i].B));

        void Write(TextWriter w)
        {
            w.Write("name1,name2,score,is_match\n");
            for (var i = 0; i < rows.Count; i++)
            {
                w.Write(TableWriter.CsvField(rows[i].A));
                w.Write(',');
                w.Write(TableWriter.CsvField(rows[i].B));
                w.Write(',');
                w.Write(scores[i].ToString("0.0000", CultureInfo.InvariantCulture));
                w.Write(scores[i] >= NameComparer.MatchThreshold ? ",true\n" : ",false\n");
            }
        }

        if (outPath is null)
        {
            Write(stdout);
            return;
        }

        using var writer = new AtomicCsvWriter(outPath);
        Write(writer.Writer);
        writer.Commit();
    }
}
