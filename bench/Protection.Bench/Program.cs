using System.Diagnostics;
using System.Globalization;
using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;

// Recompute protection for many people and compare with a baseline that only walks the same facts.
// Usage: dotnet run -c Release --project bench/Protection.Bench [people=1000000] [rounds=3] [repeats=5]
var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var evaluations = (long)people * rounds;

var calendar = new BenchCalendar();
var facts = Population.Build(people);
var days = Enumerable.Range(0, rounds).Select(r => new DateOnly(2017, 9, 1).AddDays(r * 97)).ToArray();
Console.WriteLine($"people {people:N0}, rounds {rounds} (as-of days), evaluations {evaluations:N0}, matters/person {facts.Average(f => f.Matters.Length):F2}, cores {Environment.ProcessorCount}");

long Baseline(int threads) => Run(threads, (f, day) =>
{
    long sum = day.DayNumber;
    foreach (var m in f.Matters)
    {
        sum += (m.FiledOn?.DayNumber ?? 0) + (m.DecidedOn?.DayNumber ?? 0) + (int)m.Status;
    }

    foreach (var e in f.Events)
    {
        sum += e.On.DayNumber;
    }

    foreach (var o in f.Orders)
    {
        sum += o.IssuedOn.DayNumber;
    }

    return sum + f.Classes.Length + f.Stays.Length;
});

long Engine(int threads) => Run(threads, (f, day) =>
{
    var s = ProtectionEngine.Evaluate(f, day, calendar);
    return (int)s.State + (s.Primary?.LastDay?.DayNumber ?? 0) + s.Reasons.Length;
});

long Run(int threads, Func<ProtectionFacts, DateOnly, long> work)
{
    var partial = new long[threads];
    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
    {
        long acc = 0;
        var from = (int)((long)people * t / threads);
        var to = (int)((long)people * (t + 1) / threads);
        foreach (var day in days)
        {
            for (var i = from; i < to; i++)
            {
                acc += work(facts[i], day);
            }
        }

        partial[t] = acc;
    });
    return partial.Sum();
}

(double MedianMs, long Check) Measure(Func<long> action)
{
    action(); // warm-up (JIT, tiered compilation)
    action();
    var times = new List<double>();
    long check = 0;
    for (var r = 0; r < repeats; r++)
    {
        var sw = Stopwatch.StartNew();
        check = action();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return (times[times.Count / 2], check);
}

var tally = new int[3];
foreach (var day in days)
{
    foreach (var f in facts)
    {
        tally[(int)ProtectionEngine.Evaluate(f, day, calendar).State]++;
    }
}

Console.WriteLine($"states: protected {tally[2]:N0}, not protected {tally[0]:N0}, unknown {tally[1]:N0}");

var allocBefore = GC.GetTotalAllocatedBytes(precise: true);
Engine(1);
var bytesPerEval = (GC.GetTotalAllocatedBytes(precise: true) - allocBefore) / (double)evaluations;

foreach (var threads in new[] { 1, 2 })
{
    var baseline = Measure(() => Baseline(threads));
    var engine = Measure(() => Engine(threads));
    var nsPerEval = engine.MedianMs * 1e6 / evaluations;
    var projected1M = engine.MedianMs / evaluations * 1_000_000 / 1000;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"threads {threads}: baseline median {baseline.MedianMs:F1} ms, engine median {engine.MedianMs:F1} ms, ratio {engine.MedianMs / baseline.MedianMs:F1}x, " +
        $"{nsPerEval:F0} ns/person, 1,000,000 people -> {projected1M:F2} s (checks {baseline.Check % 1000}, {engine.Check % 1000})"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {bytesPerEval:F0} bytes per evaluation (result record and its arrays)"));

/// <summary>Weekends and fixed-date holidays: cheap like the real calendar should be.</summary>
internal sealed class BenchCalendar : ICourtCalendar
{
    public bool IsCourtDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !(day.Month == 1 && day.Day == 1) && !(day.Month == 7 && day.Day == 4) && !(day.Month == 12 && day.Day == 25);
}

/// <summary>A deterministic mix of people at every stage of the Hamama-like chain and outside it.</summary>
internal static class Population
{
    private static readonly ClassStayOrder Order = new("Bench v. Class", "bench order", new DateOnly(2017, 7, 24), ClassStayTerms.HamamaLike);

    public static ProtectionFacts[] Build(int count)
    {
        var random = new Random(20170622);
        var result = new ProtectionFacts[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Person(random);
        }

        return result;
    }

    private static ProtectionFacts Person(Random r)
    {
        var orderDay = new DateOnly(1995, 1, 1).AddDays(r.Next(8000));
        var inAbsentia = r.Next(10) == 0;
        var f = new ProtectionFacts
        {
            Orders = [new RemovalOrderFacts(1, orderDay, r.Next(3) == 0 ? Adjudicator.Board : Adjudicator.ImmigrationJudge) { InAbsentia = inAbsentia, Appeal = AppealRight.Reserved }],
            Classes = r.Next(10) < 8 ? [new ClassMembershipFacts(Order)] : [],
        };
        var aFile = new DateOnly(2017, 8, 1).AddDays(r.Next(120));
        var rop = aFile.AddDays(r.Next(60));
        f = f with
        {
            Events =
            [
                new(PersonEventKind.Arrested, new DateOnly(2017, 6, 11).AddDays(r.Next(20))),
                new(PersonEventKind.Transferred, new DateOnly(2017, 7, 1).AddDays(r.Next(20))),
                new(PersonEventKind.AFileReceived, aFile),
                new(PersonEventKind.RecordOfProceedingsReceived, rop),
            ],
        };

        // About three matters: motion, Board appeal, petition, each reached by part of the population.
        var mtrFiled = rop.AddDays(r.Next(100));
        var mtrDecided = mtrFiled.AddDays(30 + r.Next(120));
        var mtr = new MatterFacts(10, MatterKind.MotionToReopenIj, r.Next(4) == 0 ? MatterStatus.Pending : MatterStatus.Denied)
        {
            FiledOn = r.Next(50) == 0 ? null : mtrFiled, // some records lack a date: the Unknown path
            DecidedOn = mtrDecided,
            ChallengesOrder = 1,
        };
        var appealFiled = mtrDecided.AddDays(r.Next(35));
        var appealDecided = appealFiled.AddDays(60 + r.Next(200));
        var appeal = new MatterFacts(11, MatterKind.BiaAppeal, r.Next(3) == 0 ? MatterStatus.Pending : MatterStatus.Denied)
        {
            FiledOn = appealFiled,
            DecidedOn = appealDecided,
            ChallengesMatter = 10,
        };
        var petition = new MatterFacts(12, MatterKind.PetitionForReview, MatterStatus.Pending)
        {
            FiledOn = appealDecided.AddDays(r.Next(35)),
            ChallengesMatter = 11,
            StayMotion = r.Next(2) == 0 ? null : new StayMotionFacts(r.Next(3) == 0 ? StayMotionOutcome.Denied : StayMotionOutcome.Pending)
            {
                DecidedOn = appealDecided.AddDays(60),
            },
        };
        f = f with { Matters = [mtr, appeal, petition] };
        if (r.Next(20) == 0)
        {
            f = f with { Stays = [new IndividualStayFacts(Adjudicator.Dhs, aFile) { LastDay = aFile.AddDays(180) }] };
        }

        return f;
    }
}
