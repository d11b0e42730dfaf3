using System.CommandLine;
using System.Globalization;
using Stayline.Domain.Matching;
using Stayline.Tables;

namespace Stayline.Features.Matching;

/// <summary>`stayline match LEFT.csv [RIGHT.csv] --out PAIRS.csv [--threshold T] [--explain]`: record linkage without a database.</summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var left = new Argument<string>("left") { Description = "CSV with id,given_name,family_name,dob,a_number,country" };
        var right = new Argument<string?>("right")
        {
            Description = "Second CSV to link against; without it, duplicates within LEFT are found",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string>("--out") { Description = "Where to write the pairs (left_id,right_id,score)", Required = true };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Lowest score written (0-1); default: the 'same person' threshold",
            DefaultValueFactory = _ => MatchModel.SameThreshold,
        };
        var explain = new Option<bool>("--explain") { Description = "Add the evidence of each field" };
        var command = new Command("match", "Find records of the same person in one or two CSV files")
        {
            left, right, output, threshold, explain,
        };
        command.SetAction(parseResult =>
        {
            var config = parseResult.InvocationConfiguration;
            var t = parseResult.GetValue(threshold);
            if (t is <= 0 or > 1 || double.IsNaN(t))
            {
                config.Error.WriteLine($"--threshold {t.ToString(CultureInfo.InvariantCulture)}: must be above 0 and at most 1.");
                return 1;
            }

            try
            {
                return Run(
                    parseResult.GetValue(left)!, parseResult.GetValue(right), parseResult.GetValue(output)!, t,
                    parseResult.GetValue(explain), config.Output);
            }
            catch (CsvInputException e)
            {
                config.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static int Run(string leftPath, string? rightPath, string outPath, double threshold, bool explain, TextWriter stdout)
    {
        var leftRecords = PeopleCsv.Read(leftPath);
        var rightRecords = rightPath is null ? null : PeopleCsv.Read(rightPath);
        var options = new LinkerOptions { MinScore = threshold };
        var pairs = rightRecords is null
            ? Linker.Deduplicate(leftRecords, options)
            : Linker.Link(leftRecords, rightRecords, options);

        using (var writer = new AtomicCsvWriter(outPath))
        {
            var w = writer.Writer;
            WriteHeader(w, explain);
            var other = rightRecords ?? leftRecords;
            foreach (var p in pairs)
            {
                w.Write(TableWriter.CsvField(leftRecords[p.Left].Id));
                w.Write(',');
                w.Write(TableWriter.CsvField(other[p.Right].Id));
                w.Write(',');
                w.Write(p.Score.ToString("0.0000", CultureInfo.InvariantCulture));
                if (explain)
                {
                    WriteEvidence(w, p);
                }

                w.Write('\n');
            }

            writer.Commit();
        }

        var what = rightRecords is null
            ? $"{leftRecords.Count} records"
            : $"{leftRecords.Count} x {rightRecords.Count} records";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {pairs.Count} pairs with score >= {threshold:0.###} written to {outPath}"));
        return 0;
    }

    private static void WriteHeader(TextWriter w, bool explain)
    {
        w.Write("left_id,right_id,score");
        if (explain)
        {
            w.Write(",decision,name_level,name_similarity,name_weight,dob_level,dob_weight,a_number_level,a_number_weight,country_level,country_weight,total_weight,name_detail");
        }

        w.Write('\n');
    }

    private static void WriteEvidence(TextWriter w, MatchPair p)
    {
        var e = p.Evidence;
        var i = CultureInfo.InvariantCulture;
        w.Write(string.Create(i, $",{p.Decision},{e.NameLevel},{e.Name.Score:0.000},{e.NameWeight:0.00},{e.BirthDateLevel},{e.BirthDateWeight:0.00},{e.ANumberLevel},{e.ANumberWeight:0.00},{e.CountryLevel},{e.CountryWeight:0.00},{e.TotalWeight:0.00},"));
        w.Write(TableWriter.CsvField(string.Create(i, $"words matched {e.Name.Matched}; conflicting {e.Name.Conflicting:0.#}; extra {e.Name.Extra:0.#}; bin/ibn conflicts {e.Name.RoleConflicts}")));
    }
}
