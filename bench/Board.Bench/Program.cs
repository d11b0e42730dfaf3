using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stayline.Data;
using Stayline.Domain.Board;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Features.Board;

// The case board (GET /api/v1/board: district counts, first page of 100 cards with names and facilities) on a generated
// SQLite database of N open posts (default 10,000), one per person, spread over every district; read as an admin who
// sees everyone and as a partner's attorney who sees none of the people (cards without names). Baseline in the same run:
// the plainest read of the same page (open posts ordered by district and date, first 100, and a count), no joins.
var posts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var folder = Path.Combine(Path.GetTempPath(), "stayline-board-bench");
Directory.CreateDirectory(folder);
foreach (var f in Directory.GetFiles(folder))
{
    File.Delete(f);
}

var database = StaylineDatabase.From(Path.Combine(folder, "bench.db"));
var now = new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);
StaylineDbContext Context(Visibility? reader = null)
{
    var db = new StaylineDbContext(database.Options(), null, new BenchClock(now));
    if (reader is { } r)
    {
        db.ScopeTo(r);
    }

    return db;
}

await using (var db = Context())
{
    await StaylineDatabase.MigrateAsync(db);
}

var watch = Stopwatch.StartNew();
await GenerateAsync(posts);
Console.WriteLine($"Generated {posts:N0} open posts in {watch.Elapsed.TotalSeconds:N1} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}, load {Load()}");

var options = Options.Create(new BoardOptions());
var admin = new List<double>();
var partner = new List<double>();
var baseline = new List<double>();
BoardPage adminPage = new([], [], 0), partnerPage = new([], [], 0);
for (var run = 0; run < runs + 2; run++)
{
    await using var a = Context(Visibility.Everyone);
    var t = Stopwatch.StartNew();
    adminPage = await new BoardService(a, new BenchClock(now), options).OpenAsync(null, 0, 100, CancellationToken.None);
    var ta = t.Elapsed.TotalMilliseconds;
    await using var p = Context(Visibility.For(999, false));
    t.Restart();
    partnerPage = await new BoardService(p, new BenchClock(now), options).OpenAsync(null, 0, 100, CancellationToken.None);
    var tp = t.Elapsed.TotalMilliseconds;
    await using var b = Context();
    t.Restart();
    var open = b.CasePosts.AsNoTracking().Where(x => x.Status == CasePostStatus.Open);
    var count = await open.CountAsync();
    var rows = await open.OrderBy(x => x.District).ThenBy(x => x.PostedAt).ThenBy(x => x.Id).Take(100).ToListAsync();
    var tb = t.Elapsed.TotalMilliseconds;
    if (run >= 2 && count == posts && rows.Count == 100)
    {
        admin.Add(ta);
        partner.Add(tp);
        baseline.Add(tb);
    }
}

Console.WriteLine($"Board: {adminPage.Total:N0} open posts in {adminPage.Districts.Count} districts; admin's first card named: {adminPage.Cards[0].PersonName is not null}, partner's: {partnerPage.Cards[0].PersonName is not null} ({runs} runs, load {Load()})");
Console.WriteLine($"  board as the coordinating admin: median {Median(admin):N1} ms, min {admin.Min():N1}, max {admin.Max():N1}");
Console.WriteLine($"  board as a partner's attorney:   median {Median(partner):N1} ms, min {partner.Min():N1}, max {partner.Max():N1}");
Console.WriteLine($"  baseline (posts only, no joins): median {Median(baseline):N1} ms, min {baseline.Min():N1}, max {baseline.Max():N1}");
Console.WriteLine($"  ratio admin / baseline {Median(admin) / Median(baseline):N2}, partner / baseline {Median(partner) / Median(baseline):N2}");

async Task GenerateAsync(int n)
{
    var districts = FederalDistricts.All.Select(d => d.Name).ToList();
    await using var db = Context();
    var facilities = await db.Facilities.Where(f => f.District != null).Select(f => new { f.Id, f.District }).ToListAsync();
    var org = await db.CoordinatingOrganisationIdAsync(CancellationToken.None) ?? 1;
    for (var start = 0; start < n; start += 1000)
    {
        await using var batch = Context();
        var people = new List<Person>();
        for (var i = start; i < Math.Min(n, start + 1000); i++)
        {
            var (person, _) = Person.Create(new PersonInput(null, "Given" + i.ToString(CultureInfo.InvariantCulture), "Family" + (i % 997).ToString(CultureInfo.InvariantCulture),
                null, null, BirthDatePrecision.Unknown, null, null, false, null), new DateOnly(2026, 11, 1), now);
            people.Add(person!);
        }

        batch.People.AddRange(people);
        await batch.SaveChangesAsync();
        foreach (var (person, i) in people.Select((p, i) => (p, start + i)))
        {
            var f = facilities.Count > 0 ? facilities[i % facilities.Count] : null;
            batch.CasePosts.Add(new CasePost(person.Id, org, f?.District ?? districts[i % districts.Count], f?.Id, CaseNeeds.Habeas, i % 3 == 0 ? "Arabic" : null,
                now.AddMinutes(-i), null, "bench"));
        }

        await batch.SaveChangesAsync();
    }
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

internal sealed class BenchClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
