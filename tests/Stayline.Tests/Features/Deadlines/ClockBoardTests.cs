using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Work;
using Stayline.Features.Bond;
using Stayline.Features.Deadlines;
using Stayline.Features.Protection;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Deadlines;

/// <summary>
/// The detention clocks, a bond case's dates and the habeas return on the deadlines board and in reminders; the board
/// reaching every row past the old 2,000-row cap, with exact counts, on the page and through the API.
/// </summary>
public partial class ClockBoardTests
{
    /// <summary>
    /// Today Thu 2026-09-10. Detained since 2026-03-01, ordered removed 2026-03-16 with appeal waived: six months (Zadvydas)
    /// Wed 2026-09-16, ICE's headquarters review Mon 2026-09-14. Habeas petition with an order to show cause of Wed 2026-09-09:
    /// three days = Sat 09-12, so Mon 2026-09-14. Bond set Wed 2026-09-09 over DHS's no-bond: EOIR-43 by Thu 2026-09-10 (today).
    /// An attorney is assigned.
    /// </summary>
    private static async Task<(TestApp App, long PersonId, long HabeasId)> DetainedClientAsync(string provider)
    {
        // An outbox of its own: on PostgreSQL there is no database file to put it beside, and other tests write theirs too.
        var outbox = Directory.CreateTempSubdirectory("stayline-clock-outbox-").FullName;
        var app = await TestApp.StartAsync(provider, clock: TestClock.At("2026-09-10"),
            configure: builder => builder.Configuration["Stayline:Reminders:OutboxFolder"] = outbox);
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.EventAsync(id, PersonEventKind.Arrested, "2026-03-01");
        await b.RemovalOrderAsync(id, "2026-03-16", waived: true);
        var habeas = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/matters", new
        {
            kind = (int)MatterKind.HabeasPetition,
            status = (int)MatterStatus.Pending,
            filedOn = "2026-09-08",
            showCauseOrderedOn = "2026-09-09",
        });
        habeas.EnsureSuccessStatusCode();
        var habeasId = JsonDocument.Parse(await habeas.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        (await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/bond-cases",
            new BondCaseWrite(DhsCustodyDecision.NoBond, null, D("2026-09-01"), BondDecision.BondSet, D("2026-09-09"), 5_000m), CaseBuilder.Json)).EnsureSuccessStatusCode();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var attorney = await db.Users.SingleAsync(u => u.Email == TestApp.Email("attorney"));
        db.Assignments.Add(new Assignment(id, attorney.Id, D("2026-03-01")));
        await db.SaveChangesAsync();
        return (app, id, habeasId);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section aria-labelledby=\"{id}\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Board_DetentionBondAndHabeasClocks_AreRowsGroupedByRuleWithTheCitationOnce(string provider)
    {
        var (app, id, _) = await DetainedClientAsync(provider);
        await using var _ = app;
        var web = await app.SignedInAsync("attorney");

        var html = await web.GetStringAsync("/Deadlines?Mine=true");

        var week = Section(html, "week");
        foreach (var (title, due, citation) in new[]
                 {
                     ("Six months of post-order detention (Zadvydas)", "2026-09-16", "Zadvydas v. Davis, 533 U.S. 678 (2001); 8 CFR 241.13"),
                     ("ICE headquarters custody review", "2026-09-14", "8 CFR 241.4(k)(2)(ii)"),
                     ("Government&#x27;s return to the order to show cause (habeas)", "2026-09-14", "28 U.S.C. 2243"),
                     ("DHS notice of intent to appeal a release order (Form EOIR-43)", "2026-09-10", "8 CFR 1003.19(i)(2)"),
                 })
        {
            var group = Regex.Match(week, $"<h3><bdi>{Regex.Escape(title)}</bdi> .*?</table>", RegexOptions.Singleline);
            Assert.True(group.Success, $"no group for {title}");
            Assert.Contains(due, group.Value);
            Assert.Contains($"/People/Details?id={id}", group.Value);
            Assert.Single(Regex.Matches(group.Value, Regex.Escape(citation)));
        }

        // DHS's ten business days matter only once it has filed Form EOIR-43: no row before.
        Assert.DoesNotContain("DHS appeal keeping the automatic stay", html);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reminders_ClocksDueWithinSevenDays_EachSentOnceToTheAssignedAttorney(string provider)
    {
        var (app, _, _) = await DetainedClientAsync(provider);
        await using var _ = app;
        var sender = app.Services.GetRequiredService<ReminderSender>();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();

        var first = await sender.SendDueAsync(db, CancellationToken.None);
        var second = await sender.SendDueAsync(db, CancellationToken.None);

        Assert.Equal(4, first.Sent);
        Assert.Equal((0, 4), (second.Sent, second.AlreadySent));
        var subjects = sender.Outbox().Select(m => m.Subject).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "Stayline: DHS notice of intent to appeal a release order (Form EOIR-43) due today (2026-09-10)",
            "Stayline: Government's return to the order to show cause (habeas) due in 4 days (2026-09-14)",
            "Stayline: ICE headquarters custody review due in 4 days (2026-09-14)",
            "Stayline: Six months of post-order detention (Zadvydas) due in 6 days (2026-09-16)",
        ], subjects);
        Assert.All(sender.Outbox(), m => Assert.Contains(TestApp.Email("attorney"), m.To));
        var zadvydas = sender.Outbox().Single(m => m.Subject.Contains("Zadvydas", StringComparison.Ordinal));
        var body = sender.ReadOutbox(zadvydas.File)!;
        Assert.Contains("Citation: Zadvydas v. Davis, 533 U.S. 678 (2001); 8 CFR 241.13", body);
        Assert.Contains("This post-order detention began on 2026-03-16; six months of post-order detention are reached on 2026-09-16.", body);
    }

    [Fact]
    public async Task HabeasMatter_CourtSetsTheReturnDate_ItGovernsTheRowAndTheReminderDay()
    {
        var (app, id, habeasId) = await DetainedClientAsync("sqlite");
        await using var _ = app;
        var b = new CaseBuilder(app);

        var response = await b.Api.PutAsJsonAsync($"/api/v1/matters/{habeasId}", new
        {
            kind = (int)MatterKind.HabeasPetition,
            status = (int)MatterStatus.Pending,
            filedOn = "2026-09-08",
            showCauseOrderedOn = "2026-09-09",
            returnDueOn = "2026-09-29",
            version = 0,
        });
        response.EnsureSuccessStatusCode();

        var row = Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "habeas-return");
        Assert.Equal((D("2026-09-09"), D("2026-09-29"), "28 U.S.C. 2243; the court's order"), (row.TriggerDate!.Value, row.DueDate!.Value, row.Citation));
        Assert.Contains("The court's order sets the return for 2026-09-29, 20 days after the order to show cause of 2026-09-09", row.Explanation);
        Assert.Contains("would have been due 2026-09-14", row.Explanation);
    }

    [Fact]
    public async Task HabeasMatter_ReturnDateWithoutOrderToShowCause_RefusedNamingTheField()
    {
        var (app, id, _) = await DetainedClientAsync("sqlite");
        await using var _ = app;
        var b = new CaseBuilder(app);

        var response = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/matters", new
        {
            kind = (int)MatterKind.HabeasPetition,
            status = (int)MatterStatus.Pending,
            filedOn = "2026-09-08",
            returnDueOn = "2026-09-29",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("ReturnDueOn", text);
        Assert.Contains("A return date needs the date of the order to show cause.", text);
    }

    private const int ManyRows = 2_345;

    /// <summary>
    /// <see cref="ManyRows"/> deadlines of three rules for three people, due from 30 days ago to 30 days ahead of today
    /// (2026-09-10); each row has its own trigger date, so a row seen twice or never is visible.
    /// </summary>
    private static async Task<TestApp> ManyRowsAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider, clock: TestClock.At("2026-09-10"));
        var b = new CaseBuilder(app);
        long[] people = [await b.PersonAsync("A012345678"), await b.PersonAsync("A087654321", "Sami", "Toma"), await b.PersonAsync("A023456789", "Nadia", "Yono")];
        string[] rules = ["pfr", "bia-appeal", "mtr-ij"];
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var today = D("2026-09-10");
        for (var i = 0; i < ManyRows; i++)
        {
            var due = today.AddDays((i * 7 % 61) - 30);
            db.Deadlines.Add(new PersonDeadline
            {
                PersonId = people[i % 3],
                RuleId = rules[i % 3 == 0 ? 0 : i % 5 == 0 ? 1 : 2],
                TriggerDate = new DateOnly(2000, 1, 1).AddDays(i),
                DueDate = due,
                PeriodDays = 30,
                Citation = "test",
                State = due < today ? "Missed" : "Open",
            });
        }

        await db.SaveChangesAsync();
        return app;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_MoreThanTwoThousandRows_EveryRowOnceInBoardOrderWithExactTotal(string provider)
    {
        await using var app = await ManyRowsAsync(provider);
        var api = app.Api("admin");
        var seen = new List<DeadlineDto>();
        string? after = null;
        var pages = 0;
        do
        {
            var response = await api.GetAsync("/api/v1/deadlines?take=400" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
            response.EnsureSuccessStatusCode();
            Assert.Equal(ManyRows.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Total-Count")));
            seen.AddRange((await response.Content.ReadFromJsonAsync<List<DeadlineDto>>(CaseBuilder.Json))!);
            after = response.Headers.TryGetValues("X-Next-After", out var next) ? next.Single() : null;
            pages++;
        }
        while (after is not null && pages < 20);

        Assert.Equal(6, pages);
        Assert.Equal(ManyRows, seen.Count);
        Assert.Equal(ManyRows, seen.Select(d => d.TriggerDate).Distinct().Count());
        var today = D("2026-09-10");
        int SectionOf(DateOnly due) => due < today ? 0 : due <= today.AddDays(7) ? 1 : 2;
        var keys = seen.Select(d => (SectionOf(d.DueDate!.Value), d.RuleId, d.DueDate!.Value)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.RuleId, StringComparer.Ordinal).ThenBy(k => k.Value), keys);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/deadlines?after=nonsense")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_MoreThanTwoThousandRows_NextLinksReachEveryRowOfEachSectionWithExactCounts(string provider)
    {
        await using var app = await ManyRowsAsync(provider);
        var web = await app.SignedInAsync("admin");
        var first = await web.GetStringAsync("/Deadlines?Mine=false");
        var total = 0;
        foreach (var section in new[] { "overdue", "week", "month" })
        {
            var count = int.Parse(HeadingCount().Match(Section(first, section)).Groups[1].Value.Replace(",", "", StringComparison.Ordinal),
                System.Globalization.CultureInfo.InvariantCulture);
            total += count;
            var rows = 0;
            var html = first;
            for (var pages = 0; pages < 50; pages++)
            {
                var part = Section(html, section);
                rows += Regex.Matches(part, "<tr class=\"deadline ").Count;
                var next = NextLink().Match(part);
                if (!next.Success)
                {
                    break;
                }

                html = await web.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value));
            }

            Assert.Equal(count, rows);
        }

        Assert.Equal(ManyRows, total);
        Assert.True(total > 2_000);
    }

    [GeneratedRegex("<h2 id=\"[a-z]+\">[^<]*\\(([0-9,]+)\\)</h2>")]
    private static partial Regex HeadingCount();

    [GeneratedRegex("rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();
}
