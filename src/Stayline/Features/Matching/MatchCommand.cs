using System.CommandLine;
using System.Globalization;
using Stayline.Domain.Matching;
using Stayline.Tables;

namespace Stayline.Features.Matching;

/// <summary>
/// `stayline match LEFT.csv [RIGHT.csv] --out PAIRS.csv [--threshold T] [--explain] [--many] [--why L,R] [--clusters CLUSTERS.csv]`:
/// record linkage without a database. With one file, records are grouped into clusters and every pair a cluster implies is written.
/// </summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var left = new Argument<string>("left")
        {
            Description = "CSV with id,given_name,family_name,dob and optionally a_number,country,city,email,phone,place_of_birth,father_name,mother_name (header names in any case, with common variants such as first_name, surname)",
        };
        var right = new Argument<string?>("right")
        {
            Description = "Second CSV to link against; without it, duplicates within LEFT are found",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--out") { Description = "Where to write the pairs (left_id,right_id,score); required unless --why" };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Lowest score written (0-1); default: the 'same person' threshold",
            DefaultValueFactory = _ => MatchModel.SameThreshold,
        };
        var explain = new Option<bool>("--explain") { Description = "Add the evidence of each field" };
        var many = new Option<bool>("--many")
        {
            Description = "Two files: let a record link to several records of the other file (default: each file holds a person once, so a record with several plausible partners goes to review)",
        };
        var why = new Option<string?>("--why")
        {
            Description = "LEFT_ID,RIGHT_ID: explain the score of these two records (why they were, or were not, linked)",
        };
        var clusters = new Option<string?>("--clusters")
        {
            Description = "One file: also write CLUSTERS.csv with id,cluster_id (the id of the first record of the person's cluster) for every record",
        };
        var command = new Command("match", "Find records of the same person in one or two CSV files")
        {
            left, right, output, threshold, explain, many, why, clusters,
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

            if (parseResult.GetValue(clusters) is not null && parseResult.GetValue(right) is not null)
            {
                config.Error.WriteLine("--clusters is for one file (duplicates within LEFT); with two files each pair is written.");
                return 1;
            }

            if (parseResult.GetValue(output) is null && parseResult.GetValue(why) is null)
            {
                config.Error.WriteLine("--out PAIRS.csv is required (or --why LEFT_ID,RIGHT_ID to explain one pair).");
                return 1;
            }

            try
            {
                return Run(
                    parseResult.GetValue(left)!, parseResult.GetValue(right), parseResult.GetValue(output) ?? string.Empty, t,
                    parseResult.GetValue(explain), !parseResult.GetValue(many), parseResult.GetValue(why), parseResult.GetValue(clusters), config.Output, config.Error);
            }
            catch (CsvInputException e)
            {
                config.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static int Run(
        string leftPath, string? rightPath, string outPath, double threshold, bool explain, bool oneToOne, string? why, string? clustersPath, TextWriter stdout, TextWriter stderr)
    {
        var leftRecords = PeopleCsv.Read(leftPath);
        var rightRecords = rightPath is null ? null : PeopleCsv.Read(rightPath);
        var context = Linker.ContextFor(leftRecords, rightRecords);
        if (why is not null)
        {
            return Why(why, leftRecords, rightRecords, context, threshold, oneToOne, stdout, stderr);
        }

        var options = new LinkerOptions { MinScore = threshold, Context = context, OneToOne = oneToOne };
        var pairs = rightRecords is null
            ? Linker.Deduplicate(leftRecords, options)
            : Linker.Link(leftRecords, rightRecords, options);
        var other = rightRecords ?? leftRecords;

        // One file: records grouped into people; a pair in one cluster is written even if it was not scored at the threshold.
        ClusterResult? grouping = null;
        var written = pairs.Select(p => (p.Left, p.Right, p.Score, Pair: p, Implied: false)).ToList();
        if (rightRecords is null)
        {
            grouping = Clusters.Build(leftRecords.Count, pairs, threshold, (x, y) => Linker.Score(leftRecords[x], leftRecords[y], context).Score);
            foreach (var i in grouping.Implied)
            {
                written.Add((i.Left, i.Right, i.Score, Linker.Score(leftRecords[i.Left], leftRecords[i.Right], context) with
                {
                    Left = i.Left,
                    Right = i.Right,
                    Score = i.Score,
                    Decision = MatchModel.Decide(i.Score),
                }, true));
            }

            written.Sort(static (x, y) => x.Left != y.Left ? x.Left.CompareTo(y.Left) : x.Right.CompareTo(y.Right));
        }

        using (var writer = new AtomicCsvWriter(outPath))
        {
            var w = writer.Writer;
            WriteHeader(w, explain);
            foreach (var (l, r, score, pair, implied) in written)
            {
                w.Write(TableWriter.CsvField(leftRecords[l].Id));
                w.Write(',');
                w.Write(TableWriter.CsvField(other[r].Id));
                w.Write(',');
                w.Write(score.ToString("0.0000", CultureInfo.InvariantCulture));
                if (explain)
                {
                    WriteEvidence(w, pair, implied);
                }

                w.Write('\n');
            }

            writer.Commit();
        }

        if (grouping is not null && clustersPath is not null)
        {
            using var writer = new AtomicCsvWriter(clustersPath);
            var w = writer.Writer;
            w.Write("id,cluster_id\n");
            for (var i = 0; i < leftRecords.Count; i++)
            {
                w.Write(TableWriter.CsvField(leftRecords[i].Id));
                w.Write(',');
                w.Write(TableWriter.CsvField(leftRecords[grouping.ClusterOf[i]].Id));
                w.Write('\n');
            }

            writer.Commit();
        }

        var what = rightRecords is null
            ? $"{leftRecords.Count} records"
            : $"{leftRecords.Count} x {rightRecords.Count} records";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {written.Count} pairs with score >= {threshold:0.###} written to {outPath}"));
        if (grouping is not null)
        {
            var people = grouping.ClusterOf.Distinct().Count();
            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{people} people; {grouping.Implied.Count} pairs implied by clusters; {grouping.RefusedLinks} links not followed (they would join clearly different records){(clustersPath is null ? string.Empty : $"; clusters written to {clustersPath}")}"));
        }

        return 0;
    }

    /// <summary>The score of two named records with every field's evidence, scored as the run scores them.</summary>
    private static int Why(
        string ids, IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord>? rightFile, LinkContext context, double threshold, bool oneToOne, TextWriter stdout, TextWriter stderr)
    {
        var right = rightFile ?? left;
        var parts = ids.Split(',', StringSplitOptions.TrimEntries);
        var a = parts.Length == 2 ? left.FirstOrDefault(r => r.Id == parts[0]) : null;
        var b = parts.Length == 2 ? right.FirstOrDefault(r => r.Id == parts[1]) : null;
        if (parts.Length != 2 || a is null || b is null)
        {
            stderr.WriteLine(parts.Length != 2
                ? $"--why \"{ids}\": expected LEFT_ID,RIGHT_ID."
                : $"--why \"{ids}\": no record with id \"{(a is null ? parts[0] : parts[1])}\" in the {(a is null ? "left" : "right")} file.");
            return 1;
        }

        var p = Linker.Score(a, b, context);
        var e = p.Evidence;
        var i = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(i, $"{a.Id} \"{a.GivenName} {a.FamilyName}\" {a.BirthDate} | {b.Id} \"{b.GivenName} {b.FamilyName}\" {b.BirthDate}"));
        stdout.WriteLine(string.Create(i, $"score {p.Score:0.0000}: {p.Decision} (same person at {MatchModel.SameThreshold}, review at {MatchModel.ReviewThreshold}; written when >= {threshold})"));
        stdout.WriteLine(string.Create(i, $"  name        {e.NameLevel,-16} {e.NameWeight,7:+0.00;-0.00} bits  {e.Name}"));
        stdout.WriteLine(string.Create(i, $"  birth date  {e.BirthDateLevel,-16} {e.BirthDateWeight,7:+0.00;-0.00} bits"));
        stdout.WriteLine(string.Create(i, $"  A-number    {e.ANumberLevel,-16} {e.ANumberWeight,7:+0.00;-0.00} bits"));
        stdout.WriteLine(string.Create(i, $"  country     {e.CountryLevel,-16} {e.CountryWeight,7:+0.00;-0.00} bits"));
        foreach (var f in Enum.GetValues<ExtraField>())
        {
            var level = e.Extra(f);
            if (level != ExtraLevel.Missing)
            {
                stdout.WriteLine(string.Create(i, $"  {ExtraName(f),-11} {level,-16} {context.Model.ExtraWeight(f, level),7:+0.00;-0.00} bits"));
            }
        }

        stdout.WriteLine(string.Create(i, $"  prior       {"",-16} {context.Model.PriorWeight,7:+0.00;-0.00} bits (about one partner per record among the records)"));
        if (rightFile is not null && oneToOne)
        {
            WhyOneToOne(left, rightFile, context, left.ToList().IndexOf(a), rightFile.ToList().IndexOf(b), stdout);
        }

        return 0;
    }

    /// <summary>
    /// Two lists are linked one to one: the score written is the pair's share of the odds against the other candidates
    /// of both records and against neither having a partner, a pair with a rival counting less than one without (the
    /// rival field, <see cref="Linker"/>). Shows that score and the rivals that took a share.
    /// </summary>
    private static void WhyOneToOne(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord> right, LinkContext context, int li, int ri, TextWriter stdout)
    {
        var i = CultureInfo.InvariantCulture;
        var options = new LinkerOptions { MinScore = 0.01, Context = context };
        var run = Linker.Link(left, right, options with { OneToOne = true }).FirstOrDefault(p => p.Left == li && p.Right == ri);
        var rivals = Linker.Link(left, right, options with { MinScore = MatchModel.ReviewThreshold })
            .Where(p => (p.Left == li) != (p.Right == ri) && (p.Left == li || p.Right == ri))
            .OrderByDescending(p => p.Score).ToList();
        stdout.WriteLine(run is null
            ? "one to one (each person at most once on each list): the run scores this pair below 0.01"
            : string.Create(i, $"one to one (each person at most once on each list): score {run.Score:0.0000}: {run.Decision} (the score the run writes)"));
        stdout.WriteLine(rivals.Count == 0
            ? "  no other candidate of either record scores 0.3 or more; the share of rows that have a partner (estimated from the lists) weighs against \"neither has a partner\", and, where the names agree and the birth dates are equal or one is missing, a pair without a rival counts more (by how often the lists' likely pairs have none)"
            : string.Create(i, $"  {rivals.Count} other candidate(s) of these records took a share: {string.Join("; ", rivals.Take(10).Select(p => $"{left[p.Left].Id},{right[p.Right].Id} {p.Score:0.0000}"))}; where the names agree and the birth dates are equal or one is missing, a pair with a rival that is another person counts less"));
    }

    private static void WriteHeader(TextWriter w, bool explain)
    {
        w.Write("left_id,right_id,score");
        if (explain)
        {
            w.Write(",decision,name_level,name_similarity,name_weight,dob_level,dob_weight,a_number_level,a_number_weight,country_level,country_weight,total_weight,name_detail,other_fields,via_cluster");
        }

        w.Write('\n');
    }

    private static string ExtraName(ExtraField f) => f switch
    {
        ExtraField.City => "city",
        ExtraField.Email => "email",
        ExtraField.Phone => "phone",
        ExtraField.BirthPlace => "birth place",
        ExtraField.FatherName => "father",
        _ => "mother",
    };

    private static void WriteEvidence(TextWriter w, MatchPair p, bool implied)
    {
        var e = p.Evidence;
        var i = CultureInfo.InvariantCulture;
        w.Write(string.Create(i, $",{p.Decision},{e.NameLevel},{e.Name.Score:0.000},{e.NameWeight:0.00},{e.BirthDateLevel},{e.BirthDateWeight:0.00},{e.ANumberLevel},{e.ANumberWeight:0.00},{e.CountryLevel},{e.CountryWeight:0.00},{e.TotalWeight:0.00},"));
        w.Write(TableWriter.CsvField(string.Create(i, $"words matched {e.Name.Matched}; conflicting {e.Name.Conflicting:0.#}; extra {e.Name.Extra:0.#}; bin/ibn conflicts {e.Name.RoleConflicts}")));
        w.Write(',');
        var others = Enum.GetValues<ExtraField>().Where(f => e.Extra(f) != ExtraLevel.Missing).Select(f => $"{ExtraName(f)} {e.Extra(f)}");
        w.Write(TableWriter.CsvField(string.Join("; ", others)));
        w.Write(implied ? ",yes" : ",no");
    }
}
