using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Stayline;
using Stayline.Data;
using Stayline.Infrastructure;

// Sign-in answers for an unknown email, a wrong password, a paused and a disabled account should take as long as each
// other (one password hash each); the per-request security-stamp check should cost little next to a page without it.
// Usage: dotnet run -c Release --project bench/Auth.Bench [rounds=40]
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var work = Directory.CreateTempSubdirectory("stayline-auth-bench-").FullName;
var db = $"Data Source={Path.Combine(work, "auth.db")}";
Console.WriteLine($"cores {Environment.ProcessorCount}, rounds {rounds} (after 5 warm-up rounds), database {db}");
const string Password = "correct-horse-battery";

await using var app = await StartAsync(db, stampCheck: true);
await using var noCheck = await StartAsync(db, stampCheck: false);
await using (var scope = app.Services.CreateAsyncScope())
{
    var users = scope.ServiceProvider.GetRequiredService<UserManager<StaylineUser>>();
    foreach (var name in new[] { "ok", "wrong", "paused", "disabled" })
    {
        var user = new StaylineUser { UserName = $"{name}@bench.test", Email = $"{name}@bench.test", DisplayName = name };
        Check((await users.CreateAsync(user, Password)).Succeeded);
        Check((await users.AddToRoleAsync(user, Roles.Attorney)).Succeeded);
        if (name == "paused")
        {
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddDays(1));
        }

        if (name == "disabled")
        {
            user.Disabled = true;
            await users.UpdateAsync(user);
        }
    }
}

var baseAddress = Address(app);
using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
var loginPage = await client.GetAsync("/Account/Login");
var antiforgery = loginPage.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
var formToken = WebUtility.HtmlDecode(Regex.Match(await loginPage.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

var cases = new (string Name, string Email, string Password)[]
{
    ("unknown email", "nobody@bench.test", Password),
    ("wrong password", "wrong@bench.test", "not-the-password"),
    ("paused (failed attempts)", "paused@bench.test", Password),
    ("disabled by an admin", "disabled@bench.test", Password),
    ("right password (signs in)", "ok@bench.test", Password),
};
var times = cases.ToDictionary(c => c.Name, _ => new List<double>());
string? session = null;
for (var round = -5; round < rounds; round++)
{
    foreach (var c in cases)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = c.Email,
                ["Input.Password"] = c.Password,
                ["__RequestVerificationToken"] = formToken,
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        var watch = Stopwatch.StartNew();
        var response = await client.SendAsync(request);
        watch.Stop();
        var signedIn = response.StatusCode == HttpStatusCode.Redirect;
        Check(signedIn == c.Email.StartsWith("ok@", StringComparison.Ordinal));
        if (signedIn)
        {
            session ??= response.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith("stayline=", StringComparison.Ordinal)).Split(';')[0];
        }

        if (round >= 0)
        {
            times[c.Name].Add(watch.Elapsed.TotalMilliseconds);
        }
    }
}

var reference = Median(times["wrong password"]);
Console.WriteLine("Sign-in answer, median ms (ratio to a wrong password):");
foreach (var c in cases)
{
    var m = Median(times[c.Name]);
    Console.WriteLine($"  {c.Name,-28} {m,8:F1} ms  {m / reference,5:F2}  (p10 {Percentile(times[c.Name], 0.1):F1}, p90 {Percentile(times[c.Name], 0.9):F1})");
}

// A page that reads nothing else from the database, signed in, with and without the per-request stamp check.
var pageWith = new List<double>();
var pageWithout = new List<double>();
using var withClient = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
using var withoutClient = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Address(noCheck) };
for (var i = -50; i < rounds * 25; i++)
{
    foreach (var (target, list) in new[] { (withClient, pageWith), (withoutClient, pageWithout) })
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Password");
        request.Headers.Add("Cookie", session!);
        var watch = Stopwatch.StartNew();
        var response = await target.SendAsync(request);
        watch.Stop();
        Check(response.StatusCode == HttpStatusCode.OK);
        if (i >= 0)
        {
            list.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
}

Console.WriteLine($"Signed-in page (/Account/Password), median of {pageWith.Count}: with the stamp check {Median(pageWith):F2} ms, "
    + $"without {Median(pageWithout):F2} ms (ratio {Median(pageWith) / Median(pageWithout):F2})");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
return 0;

static async Task<WebApplication> StartAsync(string db, bool stampCheck)
{
    var builder = StaylineApp.CreateBuilder(db);
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    // Keep the "wrong password" account from pausing, so every round measures the same path (the failed-attempt count is still written).
    builder.Services.Configure<IdentityOptions>(o => o.Lockout.MaxFailedAccessAttempts = int.MaxValue);
    if (!stampCheck)
    {
        builder.Services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, NoStampCheck>());
    }

    var app = StaylineApp.Build(builder);
    await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: true);
    await app.StartAsync();
    return app;
}

static Uri Address(WebApplication app) => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

static double Median(List<double> xs) => Percentile(xs, 0.5);

static double Percentile(List<double> xs, double p)
{
    var sorted = xs.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
}

static void Check(bool ok)
{
    if (!ok)
    {
        throw new InvalidOperationException("Unexpected answer.");
    }
}

/// <summary>The baseline: cookies accepted without looking at the database.</summary>
internal sealed class NoStampCheck : ISecurityStampValidator
{
    public Task ValidateAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context) => Task.CompletedTask;
}
