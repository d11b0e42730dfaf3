using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Features.Habeas;

// The no-petition-yet queue (GET /api/v1/habeas/queue, first page of 1,000 and the total) on a generated SQLite
// database of N detained people (default 100,000): 25% transferred once, 20% with a habeas petition filed (off the
// queue), 5% with a petition still in drafting (on it), half with an attorney. Baseline in the same run: the plainest
// query that could list detained people by detention date (people joined to their open custody episode, sorted,
// first 1,000, plus a count), which knows nothing of petitions, transfers or attorneys.
var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var folder = Path.Combine(Path.GetTempPath(), "stayline-habeas-bench");
Directory.CreateDirectory(folder);
foreach (var f in Directory.GetFiles(folder))
{
    File.Delete(f);
}

var database = StaylineDatabase.From(Path.Combine(folder, "bench.db"));
var clock = new BenchClock(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));
StaylineDbContext Context() => new(database.Options(), null, clock);
await using (var db = Context())
{
    await StaylineDatabase.MigrateAsync(db);
}

if (args.Contains("--sql"))
{
    await using var sqlDb = Context();
    Console.WriteLine(HabeasQueue.Ordered(sqlDb).Take(1000).ToQueryString());
    Console.WriteLine(";\n-- count: these two, the second subtracted");
    Console.WriteLine(HabeasQueue.DetainedWithCustody(sqlDb).ToQueryString());
    Console.WriteLine(";");
    Console.WriteLine(HabeasQueue.PetitionedDuringCustody(sqlDb).ToQueryString());
    return;
}

var watch = Stopwatch.StartNew();
await GenerateAsync(people);
Console.WriteLine($"Generated {people:N0} detained people in {watch.Elapsed.TotalSeconds:N1} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}, load {Load()}");

var queue = new List<double>();
var baseline = new List<double>();
var queueCpu = new List<double>();
var baselineCpu = new List<double>();
var count = new List<double>();
var countCpu = new List<double>();
var process = Process.GetCurrentProcess();
QueuePage page = new([], 0);
var baseCount = 0;
for (var run = 0; run < runs + 2; run++)
{
    await using var db = Context();
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var t = Stopwatch.StartNew();
    page = await HabeasQueue.RunAsync(db, clock, 48, 0, 1000, CancellationToken.None);
    var q = t.Elapsed.TotalMilliseconds;
    process.Refresh();
    var qc = (process.TotalProcessorTime - cpu).TotalMilliseconds;
    await using var db3 = Context();
    process.Refresh();
    cpu = process.TotalProcessorTime;
    t.Restart();
    await HabeasQueue.CountAsync(db3, CancellationToken.None);
    var k = t.Elapsed.TotalMilliseconds;
    process.Refresh();
    var kc = (process.TotalProcessorTime - cpu).TotalMilliseconds;
    await using var db2 = Context();
    cpu = process.TotalProcessorTime;
    t.Restart();
    baseCount = await BaselineAsync(db2);
    var b = t.Elapsed.TotalMilliseconds;
    process.Refresh();
    var bc = (process.TotalProcessorTime - cpu).TotalMilliseconds;
    if (run >= 2)
    {
        // The first two runs warm the page cache and EF's query cache.
        queue.Add(q);
        baseline.Add(b);
        queueCpu.Add(qc);
        count.Add(k);
        countCpu.Add(kc);
        baselineCpu.Add(bc);
    }
}

// The middle page: a page is read from the nearer end of the queue, so the middle one walks the most.
var last = new List<double>();
var lastCpu = new List<double>();
for (var run = 0; run < Math.Max(3, runs / 3); run++)
{
    await using var db = Context();
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var t = Stopwatch.StartNew();
    var tail = await HabeasQueue.RunAsync(db, clock, 48, page.Total / 2, 1000, CancellationToken.None);
    last.Add(t.Elapsed.TotalMilliseconds);
    process.Refresh();
    lastCpu.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
    if (tail.Rows.Count != Math.Min(1000, page.Total))
    {
        throw new InvalidOperationException($"The middle page has {tail.Rows.Count} rows.");
    }
}

Console.WriteLine($"Queue: {page.Total:N0} people on it, first page {page.Rows.Count:N0} rows; first {page.Rows[0].DetainedSince:yyyy-MM-dd}, last on page {page.Rows[^1].DetainedSince:yyyy-MM-dd} ({runs} runs, load {Load()})");
Console.WriteLine($"  queue (count + first 1,000):    median {Median(queue):N1} ms wall ({Median(queueCpu):N1} ms CPU), min {queue.Min():N1}, max {queue.Max():N1}");
Console.WriteLine($"  of which the count alone:        median {Median(count):N1} ms wall ({Median(countCpu):N1} ms CPU)");
Console.WriteLine($"  middle page (skip {page.Total / 2:N0}):       median {Median(last):N1} ms wall ({Median(lastCpu):N1} ms CPU), {last.Count} runs");
Console.WriteLine($"  baseline (detained by episode): median {Median(baseline):N1} ms wall ({Median(baselineCpu):N1} ms CPU), min {baseline.Min():N1}, max {baseline.Max():N1} ({baseCount:N0} rows counted)");
Console.WriteLine($"  ratio queue / baseline: {Median(queue) / Median(baseline):N2} wall, {Median(queueCpu) / Median(baselineCpu):N2} CPU");

async Task<int> BaselineAsync(StaylineDbContext db)
{
    var detained = db.People.Where(p => p.CustodyStatus == Stayline.Domain.People.CustodyStatus.Detained)
        .Join(db.CustodyEpisodes.Where(e => e.To == null), p => p.Id, e => e.PersonId, (p, e) => new { p.Id, e.From, e.FacilityId });
    var count = await detained.CountAsync();
    var rows = await detained.OrderBy(x => x.From).ThenBy(x => x.Id).Take(1000).ToListAsync();
    return count + (rows.Count > 0 ? 0 : 0);
}

async Task GenerateAsync(int n)
{
    var rng = new Random(2017);
    await using var db = Context();
    await db.Database.OpenConnectionAsync();
    var c = db.Database.GetDbConnection();
    await using var tx = await c.BeginTransactionAsync();
    db.Database.UseTransaction(tx);
    var facilities = await db.Facilities.Select(f => f.Id).ToListAsync();
    if (facilities.Count == 0)
    {
        db.Facilities.AddRange(Stayline.Features.Facilities.FacilityReference.SeedFacilities());
        await db.SaveChangesAsync();
        facilities = await db.Facilities.Select(f => f.Id).ToListAsync();
    }

    // Every person belongs to an organisation (issue 16): the coordinating one the migrations create.
    var organisation = await db.CoordinatingOrganisationIdAsync(CancellationToken.None) ?? 1;
    var user = "bench-attorney";
    db.Users.Add(new StaylineUser { Id = user, UserName = "a@bench", Email = "a@bench", DisplayName = "Bench Attorney" });
    await db.SaveChangesAsync();
    var person = Command(c, tx, "INSERT INTO people (\"Id\",\"ANumber\",\"GivenName\",\"FamilyName\",\"BirthDatePrecision\",\"ConsentGiven\",\"CustodyStatus\",\"CurrentFacilityId\",\"SortName\",\"Version\",\"CreatedAt\",\"OrganisationId\") VALUES ($1,$2,'Bench','Person','Exact',0,'Detained',$3,'bench person',0,0,$4)", 4);
    var episode = Command(c, tx, "INSERT INTO custody_episodes (\"PersonId\",\"FacilityId\",\"From\",\"To\",\"EndReason\",\"Version\") VALUES ($1,$2,$3,$4,$5,0)", 5);
    var matter = Command(c, tx, "INSERT INTO matters (\"PersonId\",\"Kind\",\"Forum\",\"Status\",\"FiledOn\",\"StayRequested\",\"StayOutcome\",\"Version\",\"AcceptedDespiteWaiver\") VALUES ($1,'HabeasPetition','DistrictCourt',$2,$3,0,'Pending',0,0)", 3);
    var assignment = Command(c, tx, "INSERT INTO assignments (\"PersonId\",\"UserId\",\"From\") VALUES ($1,$2,$3)", 3);
    var today = new DateOnly(2026, 11, 28);
    for (var i = 1; i <= n; i++)
    {
        var since = today.AddDays(-rng.Next(0, 120));
        var first = facilities[rng.Next(facilities.Count)];
        var transferred = rng.NextDouble() < 0.25;
        var current = transferred ? facilities[rng.Next(facilities.Count)] : first;
        await Run(person, i, (100_000_000 + i).ToString(CultureInfo.InvariantCulture), current, organisation);
        if (transferred)
        {
            var moved = since.AddDays(rng.Next(0, today.DayNumber - since.DayNumber + 1));
            await Run(episode, i, first, Day(since), Day(moved), "Transferred");
            await Run(episode, i, current, Day(moved), null, null);
        }
        else
        {
            await Run(episode, i, first, Day(since), null, null);
        }

        var roll = rng.NextDouble();
        if (roll < 0.2)
        {
            await Run(matter, i, "Filed", Day(since.AddDays(1) > today ? today : since.AddDays(1)));
        }
        else if (roll < 0.25)
        {
            await Run(matter, i, "Drafting", null);
        }

        if (rng.NextDouble() < 0.5)
        {
            await Run(assignment, i, user, Day(since));
        }
    }

    await tx.CommitAsync();
}

static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

static DbCommand Command(DbConnection c, DbTransaction tx, string sql, int parameters)
{
    var cmd = c.CreateCommand();
    cmd.Transaction = tx;
    cmd.CommandText = sql;
    for (var i = 1; i <= parameters; i++)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "$" + i.ToString(CultureInfo.InvariantCulture);
        cmd.Parameters.Add(p);
    }

    return cmd;
}

static async Task Run(DbCommand cmd, params object?[] values)
{
    for (var i = 0; i < values.Length; i++)
    {
        cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    await cmd.ExecuteNonQueryAsync();
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
}

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

internal sealed class BenchClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
