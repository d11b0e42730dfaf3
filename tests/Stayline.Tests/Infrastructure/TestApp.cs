using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Features.Account;
using Stayline.Features.Deadlines;
using Stayline.Features.Protection;
using Stayline.Infrastructure;

namespace Stayline.Tests.Infrastructure;

/// <summary>
/// The real application on a real Kestrel port, on a throw-away database, with one user of each role
/// (email ROLE@test.stayline, password <see cref="Password"/>) and an API token for each.
/// </summary>
public sealed partial class TestApp : IAsyncDisposable
{
    public const string Password = "correct-horse-battery";

    // A host watches its settings files for changes, one inotify instance each; hundreds of test hosts over a run reach
    // Linux's default limit of 128 per user and the next host fails to start. Test hosts never need the reload.
    static TestApp() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    public WebApplication App { get; }
    public TestDatabase Database { get; }
    public Uri BaseAddress { get; }
    public IReadOnlyDictionary<string, string> Tokens { get; }

    private readonly bool _ownsDatabase;

    private TestApp(WebApplication app, TestDatabase database, Uri baseAddress, IReadOnlyDictionary<string, string> tokens, bool ownsDatabase = true)
    {
        App = app;
        Database = database;
        BaseAddress = baseAddress;
        Tokens = tokens;
        _ownsDatabase = ownsDatabase;
    }

    public IServiceProvider Services => App.Services;

    public static string Email(string role) => $"{role}@test.stayline";

    public static async Task<TestApp> StartAsync(string provider = "sqlite", TimeProvider? clock = null, Action<WebApplicationBuilder>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var app = BuildApp(database, clock, configure);
        await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: true);
        var tokens = new Dictionary<string, string>();
        foreach (var role in Roles.All)
        {
            var error = await UserCommands.CreateUserAsync(app.Services, Email(role), $"Test {role}", role, Password);
            Assert.Null(error);
            var output = new StringWriter();
            var rc = await StaylineCli.RunAsync(["token", "create", "--email", Email(role), "--db", database.ConnectionString], output, new StringWriter());
            Assert.Equal(0, rc);
            tokens[role] = output.ToString().Trim();
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(app, database, new Uri(address), tokens);
    }

    /// <summary>A second web node on the first one's database (several nodes behind one load balancer); it shares the
    /// users and tokens and leaves the database to the first.</summary>
    public static async Task<TestApp> StartSecondNodeAsync(TestApp first, TimeProvider? clock = null)
    {
        var app = BuildApp(first.Database, clock, null);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(app, first.Database, new Uri(address), first.Tokens, ownsDatabase: false);
    }

    private static WebApplication BuildApp(TestDatabase database, TimeProvider? clock, Action<WebApplicationBuilder>? configure)
    {
        var builder = StaylineApp.CreateBuilder(database.ConnectionString);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);

            // A test that moves the clock calls the daily jobs itself: on a FakeTimeProvider their waits would
            // end at each move and race the test's own recompute.
            foreach (var job in builder.Services.Where(d => d.ImplementationType == typeof(DailyRecomputeService) || d.ImplementationType == typeof(ReminderService)).ToList())
            {
                builder.Services.Remove(job);
            }
        }

        // The habeas and board watchers (escalation, mail) run only when a test calls them: their own timers would race the test.
        foreach (var job in builder.Services.Where(d => d.ImplementationType == typeof(Stayline.Features.Habeas.HabeasWatchService)
            || d.ImplementationType == typeof(Stayline.Features.Board.BoardWatchService)).ToList())
        {
            builder.Services.Remove(job);
        }

        configure?.Invoke(builder);
        return StaylineApp.Build(builder);
    }

    /// <summary>An API client authenticated with the token of a user of that role (none: anonymous).</summary>
    public HttpClient Api(string? role)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[role]);
        }

        return client;
    }

    /// <summary>Every read is stored before its response (on SQLite in the read-audit journal, on PostgreSQL in the
    /// database); on SQLite it reaches audit_events at the journal's next move, which this does now.</summary>
    public Task<bool> ReadAuditMovedAsync() => Services.GetRequiredService<ReadAuditJournalMover>().MoveAsync(CancellationToken.None);

    /// <summary>A browser-like client (cookies, no automatic redirects) signed in through the login form.</summary>
    public async Task<HttpClient> SignedInAsync(string role, string? password = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        var login = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Email(role),
            ["Input.Password"] = password ?? Password,
            ["__RequestVerificationToken"] = AntiforgeryToken(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string AntiforgeryToken(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token in the page.");

    /// <summary>Posts a form the way a browser would, with the antiforgery token of the page it came from.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, IDictionary<string, string> fields) =>
        PostFormAsync(client, pageUrl, postUrl, fields.AsEnumerable());

    /// <summary>The same, for forms that repeat a name (checkbox groups).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        var form = fields.Append(new("__RequestVerificationToken", AntiforgeryToken(page)));
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(form));
    }

    public AsyncServiceScope Scope() => App.Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

