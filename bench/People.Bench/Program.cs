using System.Globalization;
using Foundation.Bench;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayline;
using Stayline.Data;
using Stayline.Features.Account;
using Stayline.Infrastructure;

namespace People.Bench;

/// <summary>
/// Issue 12's target: the people list as a triage board stays fast at 1,000,000 people on SQLite (p95 under 100 ms).
/// GET /People (the HTML page, as a browser asks for it) for each sort and some filters, sequentially on one
/// connection, against a bare Kestrel + SQLite primary-key read measured in the same run.
/// </summary>
internal static class Program
{
    private const string ViewerEmail = "viewer@bench.stayline.test";
    private const string AdminEmail = "admin@bench.stayline.test";
    private const string PartnerEmail = "viewer@partner.bench.stayline.test";
    private const int Lawyers = 40;

    public static async Task<int> Main(string[] args)
    {
        if (args is ["serve", var kind, var db])
        {
            return await Servers.ServeAsync(kind, db);
        }

        if (args is ["watch", var watched, .. var rest])
        {
            // The habeas watcher's escalation runs on the file, timed one by one until one raises nothing, then idle runs.
            return await WatchAsync(Path.GetFullPath(watched), rest is [var idle] ? int.Parse(idle, CultureInfo.InvariantCulture) : 5);
        }

        if (args is ["probe", var file, .. var urls])
        {
            // Tuning aid: each URL asked three times in-process with every SQL statement and its time logged.
            return await ProbeAsync(Path.GetFullPath(file), urls);
        }

        var people = 1_000_000;
        var requests = 200;
        string? reuse = null;
        var keep = false;
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--people": people = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--db": reuse = Path.GetFullPath(args[++i]); break;
                case "--keep": keep = true; break;
                case "--only": only = args[++i]; break;
                default:
                    Console.Error.WriteLine("usage: People.Bench [--people 1000000] [--requests 200] [--db FILE (reuse one kept with --keep)] [--keep] [--only TEXT (the kinds whose name contains it)]");
                    return 1;
            }
        }

        var folder = Directory.CreateTempSubdirectory("stayline-people-bench-").FullName;
        void CleanUp()
        {
            if (!keep && Directory.Exists(folder))
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanUp();
        try
        {
            await RunAsync(reuse ?? Path.Combine(folder, "stayline.db"), people, requests, only);
            return 0;
        }
        finally
        {
            CleanUp();
            if (keep)
            {
                Console.WriteLine($"Kept {folder}");
            }
        }
    }

    private static async Task RunAsync(string path, int count, int requests, string? only)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}");
        string token;
        string adminToken;
        string partnerToken;
        long people;
        List<long> facilities;
        List<string> lawyers;
        {
            var builder = StaylineApp.CreateBuilder(path);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            await using var app = StaylineApp.Build(builder);
            await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: true);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            facilities = await db.Facilities.Select(f => f.Id).ToListAsync();
            people = await db.People.LongCountAsync();
            if (people == 0)
            {
                Console.WriteLine($"Generating {count:N0} people in {path}");
                SqliteConnection.ClearAllPools();
                var r = await new PeopleGenerator(path).FillAsync(count, facilities, Console.Out);
                people = r.People;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated {r.People:N0} people in {r.Elapsed.TotalSeconds:N1} s"));
            }

            for (var i = 1; i <= Lawyers; i++)
            {
                var email = $"lawyer{i:D2}@bench.stayline.test";
                if (!await db.Users.AnyAsync(u => u.Email == email))
                {
                    var error = await UserCommands.CreateUserAsync(app.Services, email, $"Lawyer {i:D2}", Roles.Attorney, UserCommands.GeneratePassword());
                    if (error is not null)
                    {
                        throw new InvalidOperationException(error);
                    }
                }
            }

            lawyers = await db.Users.Where(u => u.Email!.StartsWith("lawyer")).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync();
            {
                var started = DateTime.UtcNow;
                SqliteConnection.ClearAllPools();
                await BoardData.FillAsync(path, lawyers, DateOnly.FromDateTime(DateTime.Now));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Board data (protection, deadlines, lawyers) in {(DateTime.UtcNow - started).TotalSeconds:N1} s"));
            }

            // A partner clinic owning every tenth person, its viewer, and an admin of the coordinating organisation (who sees everyone).
            await PartnerOrganisation.EnsureAsync(path);
            token = await ViewerTokenAsync(app.Services, db);
            adminToken = await TokenAsync(app.Services, db, AdminEmail, Roles.Admin, null);
            partnerToken = await TokenAsync(app.Services, db, PartnerEmail, Roles.Viewer, PartnerOrganisation.Name);
        }

        SqliteConnection.ClearAllPools();
        var rng = new Random(12);
        string Pick<T>(IReadOnlyList<T> list) => Convert.ToString(list[rng.Next(list.Count)], CultureInfo.InvariantCulture)!;
        string Day() => new DateOnly(2027, 1, 1).AddDays(rng.Next(0, 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        long Id() => rng.NextInt64(1, people + 1);
        // A person the partner owns (ids ending in 3).
        long PartnerId() => (rng.NextInt64(0, people / 10) * 10) + 3;
        string Letters() => string.Concat((char)('a' + rng.Next(26)), (char)('a' + rng.Next(26)));
        string Born() => new DateOnly(1950, 1, 1).AddDays(rng.Next(0, 365 * 55)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        List<string> Many(Func<string> make) => Enumerable.Range(0, requests).Select(_ => make()).ToList();
        var laterPages = new ProtectionPages();
        var cases = new (string Name, List<string> Paths)[]
        {
            ("name order, first page", Many(() => "/People")),
            ("name order, a page anywhere (keyset)", Many(() => $"/People?After=name~{Letters()}~{Id()}")),
            ("name order, the page before (keyset)", Many(() => $"/People?Before=name~{Letters()}~{Id()}")),
            ("A-number order, a page anywhere (keyset)", Many(() => $"/People?Sort=ANumber&After=a~{rng.Next(0, 300_000_000):D9}~{Id()}")),
            ("birth date order, first page", Many(() => "/People?Sort=BirthDate")),
            ("birth date order, a page anywhere (keyset)", Many(() => $"/People?Sort=BirthDate&After=born~{Born()}~{Id()}")),
            ("newest first, a page anywhere (keyset)", Many(() => $"/People?Sort=Newest&After=all~~{Id()}")),
            ("protection, first page", Many(() => "/People?Sort=Protection")),
            ("protection, a page anywhere (keyset)", Many(() => $"/People?Sort=Protection&After=until~{Day()}~{Id()}")),
            ("next deadline, first page", Many(() => "/People?Sort=NextDeadline")),
            ("next deadline, a page anywhere (keyset)", Many(() => $"/People?Sort=NextDeadline&After=due~{Day()}~{Id()}")),
            ("lawyer, first page", Many(() => "/People?Sort=Lawyer")),
            ("lawyer, a page anywhere (keyset)", Many(() => $"/People?Sort=Lawyer&After={Pick(lawyers)}~~{Id()}")),
            ("facility, first page", Many(() => "/People?Sort=Facility")),
            ("facility, a page anywhere (keyset)", Many(() => $"/People?Sort=Facility&After={Pick(facilities)}~{Letters()}~{Id()}")),
            ("filter: one facility, by name", Many(() => $"/People?FacilityId={Pick(facilities)}")),
            ("filter: one facility, by protection", Many(() => $"/People?FacilityId={Pick(facilities)}&Sort=Protection")),
            ("filter: one facility, by next deadline", Many(() => $"/People?FacilityId={Pick(facilities)}&Sort=NextDeadline")),
            ("filter: one facility, by lawyer", Many(() => $"/People?FacilityId={Pick(facilities)}&Sort=Lawyer")),
            ("filter: one facility, by A-number", Many(() => $"/People?FacilityId={Pick(facilities)}&Sort=ANumber")),
            ("filter: one facility, by birth date", Many(() => $"/People?FacilityId={Pick(facilities)}&Sort=BirthDate")),
            ("filter: one facility, newest first", Many(() => $"/People?FacilityId={Pick(facilities)}&Sort=Newest")),
            ("filter: one facility, by name, a page anywhere", Many(() => $"/People?FacilityId={Pick(facilities)}&After=name~{Letters()}~{Id()}")),
            ("filter: detained, no lawyer, by name", Many(() => "/People?Status=Detained&HasLawyer=false")),
            ("filter: detained, no lawyer, by next deadline", Many(() => "/People?Status=Detained&HasLawyer=false&Sort=NextDeadline")),
            ("filter: detained, no lawyer, by next deadline, anywhere", Many(() => $"/People?Status=Detained&HasLawyer=false&Sort=NextDeadline&After=due~{Day()}~{Id()}")),
            ("filter: one lawyer's people, by name", Many(() => $"/People?AttorneyId={Pick(lawyers)}")),
            ("filter: one lawyer's people, by protection", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=Protection")),
            ("filter: one lawyer's people, by next deadline", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=NextDeadline")),
            ("filter: one lawyer's people, by next deadline, anywhere", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=NextDeadline&After=due~{Day()}~{Id()}")),
            ("filter: one lawyer's people, by facility", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=Facility")),
            ("filter: one lawyer's people, by A-number", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=ANumber")),
            ("filter: one lawyer's people, by birth date", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=BirthDate")),
            ("filter: one lawyer's people, newest first", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=Newest")),
            ("filter: one lawyer's people, by name, a page anywhere", Many(() => $"/People?AttorneyId={Pick(lawyers)}&After=name~{Letters()}~{Id()}")),
            // A filter the sort's first groups do not hold (the walk's first batches find none of it).
            ("filter: released, by facility (sort follows the filter)", Many(() => "/People?Status=Released&Sort=Facility")),
            ("filter: no lawyer, by lawyer (sort follows the filter)", Many(() => "/People?HasLawyer=false&Sort=Lawyer")),
            ("filter: detained, by facility, the last facility's page (sort follows the filter)", Many(() => "/People?Status=Detained&Sort=Facility&Desc=true")),
            ("name search, closest first (\"kass\")", Many(() => "/People?Q=" + Uri.EscapeDataString(Pick(NamePrefixes)))),
            // ADR 0010: an Arabic reader's Protection page re-evaluates its people to say their summaries in Arabic.
            ("Protection list, first page, English", Many(() => "/Protection?lang=en")),
            ("Protection list, first page, Arabic", Many(() => "/Protection?lang=ar")),
            ("Protection list, a custody filter (detained), first page", Many(() => "/Protection?Status=Detained&lang=en")),
            ("Protection list, a custody filter (released), first page", Many(() => "/Protection?Status=Released&lang=en")),
            ("Protection list, protected, first page", Many(() => "/Protection?State=Protected&lang=en")),
            // Later pages as a reader reaches them, by the links the pages give (by number on main before session 18,
            // by key after); filled once the server runs (ProtectionPages).
            ("Protection list, page 2 (the first page's Next link)", laterPages.Second),
            ("Protection list, a page from 10 to 20 (by Next links)", laterPages.Far),
            ("Protection list, the page before one from 10 to 20 (its Previous link)", laterPages.FarBack),
        };
        // The partner's viewer (10 % of the people theirs) and, on the same requests, an admin of the coordinating
        // organisation who sees everyone (issue 16: scoping costs no more than 10 % on GET person by id and the name search).
        var partnerCases = new (string Name, List<string> Paths)[]
        {
            ("GET person by id (API), a partner's person", Many(() => $"/api/v1/people/{PartnerId()}")),
            ("name search, closest first", Many(() => "/People?Q=" + Uri.EscapeDataString(Pick(NamePrefixes)))),
            ("name order, first page", Many(() => "/People")),
            ("name order, a page anywhere (keyset)", Many(() => $"/People?After=name~{Letters()}~{Id()}")),
            ("next deadline, first page", Many(() => "/People?Sort=NextDeadline")),
            ("filter: one facility, by name", Many(() => $"/People?FacilityId={Pick(facilities)}")),
            ("filter: one facility, by next deadline", Many(() => $"/People?FacilityId={Pick(facilities)}&Sort=NextDeadline")),
            ("filter: one lawyer's people, by next deadline, anywhere", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=NextDeadline&After=due~{Day()}~{Id()}")),
            // A partner's share of one lawyer's people (about 1,900 of 18,000) in the orders read by group (session 20).
            ("filter: one lawyer's people, by facility", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=Facility")),
            ("filter: one lawyer's people, by lawyer", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=Lawyer")),
            ("filter: one lawyer's people, by protection", Many(() => $"/People?AttorneyId={Pick(lawyers)}&Sort=Protection")),
            ("filter: detained, no lawyer, by name", Many(() => "/People?Status=Detained&HasLawyer=false")),
            ("Protection list, first page", Many(() => "/Protection?lang=en")),
            ("Protection list, a custody filter (detained), first page", Many(() => "/Protection?Status=Detained&lang=en")),
        };

        Console.WriteLine();
        Console.WriteLine($"Sequential GETs on one connection, {requests} per kind after 20 of warm-up; load average {LoadAverage()}");
        Latency floor;
        double floorCpu;
        await using (var server = await ServerProcess.StartAsync("baseline", path))
        {
            using var client = Load.Client(server.Address, 1, null);
            var ids = Many(() => "/people/" + Id());
            await Load.SequentialAsync(client, ids.Take(20));
            var cpu = server.ProcessorTime;
            floor = Latency.Of(await Load.SequentialAsync(client, ids));
            floorCpu = (server.ProcessorTime - cpu).TotalMilliseconds / ids.Count;
        }

        // Server CPU per request beside the wall times: on a shared machine it moves far less with the load.
        Console.WriteLine("| request | p50 ms | p95 ms | p99 ms | max ms | p95 / baseline p95 | server CPU ms per request |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine(Row("bare Kestrel + SQLite primary-key read (baseline)", floor, floor, floorCpu));
        await using (var server = await ServerProcess.StartAsync("stayline", path))
        {
            // A large database's duplicate finder runs once after start (DuplicatesWarmup: about 45 s of a core at a million,
            // session 19); its CPU is the server's too, so the kinds wait until the server has been idle for 5 s.
            var idle = System.Diagnostics.Stopwatch.StartNew();
            for (var last = server.ProcessorTime; ;)
            {
                await Task.Delay(5_000);
                var now = server.ProcessorTime;
                if ((now - last).TotalMilliseconds < 500 || idle.Elapsed > TimeSpan.FromMinutes(10))
                {
                    break;
                }

                last = now;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Server idle after {idle.Elapsed.TotalSeconds:N0} s (the duplicates warm-up); load average {LoadAverage()}"));
            using var client = Load.Client(server.Address, 1, token);
            if (cases.Any(c => c.Paths.Count == 0 && (only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase))))
            {
                await laterPages.FollowAsync(client, rng, requests);
            }

            foreach (var (name, paths) in cases.Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
            {
                await Load.SequentialAsync(client, paths.Take(20));
                var cpu = server.ProcessorTime;
                var latency = Latency.Of(await Load.SequentialAsync(client, paths));
                Console.WriteLine(Row(name, latency, floor, (server.ProcessorTime - cpu).TotalMilliseconds / paths.Count));
            }

            using var admin = Load.Client(server.Address, 1, adminToken);
            using var partner = Load.Client(server.Address, 1, partnerToken);
            foreach (var (name, paths) in partnerCases.Where(c => only is null || ("partner: " + c.Name).Contains(only, StringComparison.OrdinalIgnoreCase)))
            {
                // Interleaved kind by kind on the same requests: the admin (sees all), then the partner's viewer.
                foreach (var (who, reader) in new[] { ("admin, sees all", admin), ("partner", partner) })
                {
                    await Load.SequentialAsync(reader, paths.Take(20));
                    var cpu = server.ProcessorTime;
                    var latency = Latency.Of(await Load.SequentialAsync(reader, paths));
                    Console.WriteLine(Row($"{who}: {name}", latency, floor, (server.ProcessorTime - cpu).TotalMilliseconds / paths.Count));
                }
            }
        }

        Console.WriteLine($"load average at the end: {LoadAverage()}");
    }

    private static async Task<int> ProbeAsync(string path, string[] urls)
    {
        var builder = StaylineApp.CreateBuilder(path);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Query", LogLevel.Debug);
        builder.Logging.AddFilter("Stayline.Features.Review", LogLevel.Information);
        // Each statement's log line is written when its reader opens: the time to the next line is its rows read and used.
        builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ");
        await using var app = StaylineApp.Build(builder);
        // PROBE_MIGRATE=1 brings a copied file up to this build's tables first (a branch that adds one).
        await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: Environment.GetEnvironmentVariable("PROBE_MIGRATE") == "1");
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // PROBE_ROLE=admin probes a page the viewer may not open (the duplicate review's compare page).
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            // PROBE_ROLE=partner probes as the partner clinic's viewer (every tenth person theirs; the file must hold them).
            token = Environment.GetEnvironmentVariable("PROBE_ROLE") switch
            {
                "partner" => await TokenAsync(app.Services, db, PartnerEmail, Roles.Viewer, PartnerOrganisation.Name),
                { Length: > 0 } role => await TokenAsync(app.Services, db, "probe-" + role + "@bench.stayline.test", role, null),
                _ => await ViewerTokenAsync(app.Services, db),
            };
        }

        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        // Cookies kept (the add form's antiforgery cookie) and no 30 s limit: a cold compare page took 29 s at 1M.
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(10),
        };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var process = System.Diagnostics.Process.GetCurrentProcess();
        foreach (var url in urls)
        {
            if (url.StartsWith("sleep:", StringComparison.Ordinal))
            {
                // "sleep:SECONDS": what the server does in the background meanwhile (a duplicates run), its CPU and memory.
                process.Refresh();
                var before = process.TotalProcessorTime;
                await Task.Delay(TimeSpan.FromSeconds(int.Parse(url["sleep:".Length..], CultureInfo.InvariantCulture)));
                process.Refresh();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"==== {url} {(process.TotalProcessorTime - before).TotalMilliseconds:F0} ms CPU, RSS {process.WorkingSet64 / 1048576} MiB (peak {process.PeakWorkingSet64 / 1048576} MiB), load {LoadAverage()}"));
                continue;
            }

            for (var i = 0; i < 3; i++)
            {
                // "add:Given|Family|1970-01-01" posts the add-person form (the likely-duplicate check runs before saving).
                using var form = url.StartsWith("add:", StringComparison.Ordinal) ? await AddFormAsync(client, url["add:".Length..].Split('|')) : null;
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                using var response = form is null ? await client.GetAsync(url) : await client.PostAsync("/People/Edit", form);
                var body = await response.Content.ReadAsStringAsync();
                var wall = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                process.Refresh();
                var warned = form is null ? "" : body.Contains("This person may already be here", StringComparison.Ordinal) ? " (likely matches shown)" : " (no likely matches)";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"==== {url} {(int)response.StatusCode}{warned} {wall:F1} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, RSS {process.WorkingSet64 / 1048576} MiB (peak {process.PeakWorkingSet64 / 1048576} MiB), load {LoadAverage()}"));
            }
        }

        await app.StopAsync();
        return 0;
    }

    /// <summary>The add-person form's fields (with its antiforgery token, read from the form) for a new person.</summary>
    private static async Task<FormUrlEncodedContent> AddFormAsync(HttpClient client, string[] person)
    {
        var page = await client.GetStringAsync("/People/Edit");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.GivenName"] = person[0],
            ["Input.FamilyName"] = person[1],
            ["Input.BirthDate"] = person[2],
            ["Input.BirthDatePrecision"] = "Exact",
            ["Input.Citizenship"] = "Iraq",
        });
    }

    private static async Task<int> WatchAsync(string path, int idleRuns)
    {
        var builder = StaylineApp.CreateBuilder(path);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = StaylineApp.Build(builder);
        await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: true);
        Console.WriteLine($"load average {LoadAverage()}");
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var idle = 0;
        for (var run = 1; idle < idleRuns; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var alerts = scope.ServiceProvider.GetRequiredService<Stayline.Features.Habeas.AlertService>();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var raised = await alerts.EscalateAsync(CancellationToken.None);
            var wall = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: raised {raised}, {wall:F0} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU; load {LoadAverage()}"));
            idle = raised == 0 ? idle + 1 : 0;
        }

        return 0;
    }

    private static readonly string[] NamePrefixes = ["kass", "yousif kas", "jarjees", "shamoun", "hanna", "toma", "aljab", "nadia"];

    private static string Row(string name, Latency l, Latency floor, double cpu) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {l.P50:F1} | {l.P95:F1} | {l.P99:F1} | {l.Max:F0} | {l.P95 / floor.P95:F0} | {cpu:F1} |");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static Task<string> ViewerTokenAsync(IServiceProvider services, StaylineDbContext db) => TokenAsync(services, db, ViewerEmail, Roles.Viewer, null);

    /// <summary>An API token for the user (made first if need be, in <paramref name="organisation"/>: null for the coordinating one).</summary>
    private static async Task<string> TokenAsync(IServiceProvider services, StaylineDbContext db, string email, string role, string? organisation)
    {
        if (!await db.Users.AnyAsync(u => u.Email == email))
        {
            var error = await UserCommands.CreateUserAsync(services, email, "Benchmark " + role, role, UserCommands.GeneratePassword(), organisation);
            if (error is not null)
            {
                throw new InvalidOperationException(error);
            }
        }

        var user = await db.Users.SingleAsync(u => u.Email == email);
        var token = ApiTokens.NewToken();
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "benchmark", TokenHash = ApiTokens.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return token;
    }
}

/// <summary>
/// The board's other tables for every person, in SQL from the people table (a hash of the id decides): protection
/// 12 % not protected, 8 % unknown, 65 % protected until a day in 2027, 15 % protected open-ended (everyone has a
/// row, as after a recompute: people without one would be recomputed in full when the server starts); 75 % with one to three open deadlines in 2027; 70 % with a lawyer (of 40), 5 % of those with two.
/// </summary>
internal static class BoardData
{
    /// <remarks>
    /// Protection is written anew on every run, dated today with the recompute's watermark at today: otherwise the
    /// server's start-up recompute would derive it again from facts the generated people do not have (everyone
    /// "unknown", and a full recompute running during the measurement). Deadlines and lawyers are written once.
    /// </remarks>
    public static async Task FillAsync(string path, IReadOnlyList<string> lawyers, DateOnly today)
    {
        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
        async Task<long> ScalarAsync(string sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            return (long)(await cmd.ExecuteScalarAsync())!;
        }

        async Task Run(string sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync();
        }

        await Run("CREATE TEMP TABLE h AS SELECT Id, ((Id * 2654435761) % 4294967296) AS x FROM people");
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Run($"DELETE FROM person_protection; INSERT OR REPLACE INTO derived_watermark (Id, AllComputedAsOf) VALUES (1, '{day}');");
        await Run($"""
            INSERT INTO person_protection (PersonId, State, UntilDate, EndsWithin7Days, Summary, ComputedAsOf)
            SELECT Id,
                   CASE WHEN x % 100 < 12 THEN 'NotProtected' WHEN x % 100 < 20 THEN 'Unknown' ELSE 'Protected' END,
                   CASE WHEN x % 100 BETWEEN 20 AND 84 THEN date('2027-01-01', '+' || ((x / 100) % 365) || ' days') END,
                   0, 'bench', '{day}'
            FROM h
            """);
        // Each person's earliest open deadline, as the recompute's writer keeps it (PersonProtection.NextDueDate).
        const string NextDue = """
            UPDATE person_protection SET NextDueDate = n.Due
            FROM (SELECT PersonId, MIN(DueDate) AS Due FROM person_deadlines WHERE State = 'Open' AND DueDate IS NOT NULL GROUP BY PersonId) AS n
            WHERE n.PersonId = person_protection.PersonId
            """;
        if (await ScalarAsync("SELECT EXISTS (SELECT 1 FROM assignments)") == 1)
        {
            await Run(NextDue);
            await Run("DROP TABLE h;");
            await tx.CommitAsync();
            return;
        }

        foreach (var n in new[] { 0, 1, 2 })
        {
            await Run($"""
                INSERT INTO person_deadlines (PersonId, RuleId, DueDate, PeriodDays, Citation, State, Manual, Title)
                SELECT Id, 'manual', date('2027-01-01', '+' || (((x / 7) + {n * 97}) % 365) || ' days'), 30, '', 'Open', 1, 'Brief'
                FROM h WHERE x % 4 <> 0 AND (x / 1000) % 3 >= {n}
                """);
        }

        var values = string.Join(",", lawyers.Select((id, i) => $"({i}, '{id.Replace("'", "''", StringComparison.Ordinal)}')"));
        await Run($"CREATE TEMP TABLE l (n INTEGER PRIMARY KEY, id TEXT); INSERT INTO l VALUES {values};");
        await Run($"""
            INSERT INTO assignments (PersonId, UserId, "From")
            SELECT h.Id, l.id, '2026-06-01' FROM h JOIN l ON l.n = (h.x / 13) % {lawyers.Count} WHERE (h.x / 100000) % 10 < 7
            """);
        await Run($"""
            INSERT INTO assignments (PersonId, UserId, "From")
            SELECT h.Id, l.id, '2026-06-01' FROM h JOIN l ON l.n = ((h.x / 13) + 1) % {lawyers.Count} WHERE (h.x / 100000) % 10 < 7 AND (h.x / 17) % 20 = 0
            """);
        await Run(NextDue);
        await Run("DROP TABLE h; DROP TABLE l;");
        // No ANALYZE: the app does not run it, so the planner works here as it does for a user.
        await tx.CommitAsync();
    }
}

/// <summary>The Protection list's later pages (as the viewer), found by following the pages' own Next links from the
/// first page to the 20th: page numbers on a build that pages by offset, keys on one that pages by key.</summary>
internal sealed partial class ProtectionPages
{
    public List<string> Second { get; } = [];
    public List<string> Far { get; } = [];
    public List<string> FarBack { get; } = [];

    public async Task FollowAsync(HttpClient client, Random rng, int requests)
    {
        var next = new List<string>();
        var previous = new List<string>();
        var html = await client.GetStringAsync("/Protection?lang=en");
        for (var page = 1; page < 20; page++)
        {
            var link = NextLink().Match(html);
            if (!link.Success)
            {
                break;
            }

            next.Add(System.Net.WebUtility.HtmlDecode(link.Groups[1].Value));
            html = await client.GetStringAsync(next[^1]);
            var back = PreviousLink().Match(html);
            previous.Add(back.Success ? System.Net.WebUtility.HtmlDecode(back.Groups[1].Value) : "");
        }

        if (next.Count < 19)
        {
            throw new InvalidOperationException($"The Protection list gave {next.Count + 1} pages, not 20.");
        }

        // next[i] is page i + 2 and previous[i] is the Previous link on it.
        Second.AddRange(Enumerable.Repeat(next[0], requests));
        Far.AddRange(Enumerable.Range(0, requests).Select(_ => next[rng.Next(8, 19)]));
        FarBack.AddRange(Enumerable.Range(0, requests).Select(_ => previous[rng.Next(8, 19)]));
    }

    [System.Text.RegularExpressions.GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial System.Text.RegularExpressions.Regex NextLink();

    [System.Text.RegularExpressions.GeneratedRegex("<a href=\"([^\"]+)\" rel=\"prev\">")]
    private static partial System.Text.RegularExpressions.Regex PreviousLink();
}
