using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.Protection;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Deadlines;

/// <summary>
/// The board's order: missed filings of ours first, clock days and other parties' duties that came in its own section
/// after every filing (session 9: on the demo 1,047 custody-review days were listed above the missed filings).
/// </summary>
public partial class BoardOrderTests
{
    /// <summary>Rows of the past window (today 2026-09-10), one ahead, and one per rule named; due dates make the old order visible.</summary>
    private static readonly (string Rule, int Days, string State)[] Rows =
    [
        ("custody-review-90", -20, "Reached"),
        ("custody-review-hq", -3, "Reached"),
        ("zadvydas", -12, "Reached"),
        ("habeas-return", -6, "Reached"),
        ("eoir43-notice", -2, "Reached"),
        ("bond-stay-lapse", -4, "Reached"),
        ("removal-period", -9, "Reached"),
        ("pfr", -5, "Missed"),
        ("mtr-ij", -25, "Missed"),
        ("bond-appeal", -1, "Reached"),
        ("bia-appeal", 3, "Open"),
        ("custody-review-annual", 12, "Open"),
    ];

    private static readonly string[] Filings = ["bond-appeal", "mtr-ij", "pfr"];

    private static readonly string[] Clocks =
        ["bond-stay-lapse", "custody-review-90", "custody-review-hq", "eoir43-notice", "habeas-return", "removal-period", "zadvydas"];

    private static async Task<TestApp> BoardAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider, clock: TestClock.At("2026-09-10"));
        var id = await new CaseBuilder(app).PersonAsync("A012345678");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var today = D("2026-09-10");
        foreach (var (rule, days, state) in Rows)
        {
            db.Deadlines.Add(new PersonDeadline
            {
                PersonId = id,
                RuleId = rule,
                TriggerDate = today.AddDays(days - 30),
                DueDate = today.AddDays(days),
                PeriodDays = 30,
                Citation = "test",
                State = state,
            });
        }

        await db.SaveChangesAsync();
        return app;
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section aria-labelledby=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static List<string> RulesIn(string section) => [.. DataRule().Matches(section).Select(m => m.Groups[1].Value)];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_ClockDaysReachedAndMissedFilings_MissedFilingsFirstClocksInTheirOwnSectionLast(string provider)
    {
        await using var app = await BoardAsync(provider);
        var web = await app.SignedInAsync("admin");

        var html = await web.GetStringAsync("/Deadlines?Mine=false");

        var missed = Section(html, "overdue");
        Assert.Contains("Missed filing deadlines (the last 30 days)", missed);
        Assert.Contains("3 rows passed without a recorded filing.", missed);
        Assert.Equal(Filings, RulesIn(missed));
        var reached = Section(html, "reached");
        Assert.Equal(Clocks, RulesIn(reached));
        Assert.Contains("Days reached (the last 30 days): detention clocks and other parties&#x27; deadlines (7)", reached);
        Assert.Contains("None is a filing of ours that was missed", reached);
        Assert.Contains("<strong>Whose step:</strong> <span>ICE&#x27;s duty: a custody review before the removal period ends", reached);
        Assert.Equal(7, Regex.Matches(reached, "Whose step:").Count);
        Assert.DoesNotContain("Whose step:", missed);
        // Board order on the page: missed filings, the week, the month, then the days reached.
        var order = new[] { "overdue", "week", "month", "reached" }.Select(s => html.IndexOf($"<section aria-labelledby=\"{s}\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Contains("<a href=\"#reached\">Days reached (the last 30 days): detention clocks and other parties&#x27; deadlines (7)</a>", html);
        Assert.Contains("<a href=\"#overdue\">Missed filing deadlines (the last 30 days) (3)</a>", html);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_ClockDaysReached_ListedAfterEveryFilingAndEveryPageSizeGivesTheSameOrder(string provider)
    {
        await using var app = await BoardAsync(provider);
        var api = app.Api("admin");
        string[] expected = [.. Filings, "bia-appeal", "custody-review-annual", .. Clocks];

        foreach (var take in new[] { 1, 2, 3, 5, 1000 })
        {
            var seen = new List<string>();
            string? after = null;
            var pages = 0;
            do
            {
                var response = await api.GetAsync($"/api/v1/deadlines?take={take}" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
                response.EnsureSuccessStatusCode();
                Assert.Equal("12", Assert.Single(response.Headers.GetValues("X-Total-Count")));
                var rows = (await response.Content.ReadFromJsonAsync<List<DeadlineDto>>(CaseBuilder.Json))!;
                Assert.True(rows.Count <= take);
                seen.AddRange(rows.Select(r => r.RuleId));
                after = response.Headers.TryGetValues("X-Next-After", out var next) ? next.Single() : null;
                pages++;
            }
            while (after is not null && pages < 30);

            Assert.Equal(expected, seen);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_LaterPageOfOneSection_ShowsThatSectionAloneWithItsCount(string provider)
    {
        await using var app = await BoardAsync(provider);
        var web = await app.SignedInAsync("admin");

        var response = await web.GetAsync("/Deadlines?Mine=false&Section=Reached");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(Clocks, RulesIn(Section(html, "reached")));
        Assert.DoesNotContain("<section aria-labelledby=\"overdue\"", html);
        Assert.DoesNotContain("<section aria-labelledby=\"week\"", html);
        Assert.Contains("<a href=\"/Deadlines?Mine=false#reached\">Back to the whole board</a>", html);
    }

    [GeneratedRegex("<div class=\"deadline-group\" data-rule=\"([^\"]+)\"")]
    private static partial Regex DataRule();
}
