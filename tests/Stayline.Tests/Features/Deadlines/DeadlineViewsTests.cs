using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Work;
using Stayline.Features.Deadlines;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Deadlines;

/// <summary>The deadlines page, the person page, the calendar feed and reminders, on a member whose class deadline is 2017-12-26.</summary>
public partial class DeadlineViewsTests
{
    /// <summary>Today 2017-12-20: the class motion (due Tue 2017-12-26) is within 7 days.</summary>
    internal static async Task<(TestApp App, long PersonId)> MemberWithDeadlineAsync(bool assignToAttorney)
    {
        var app = await TestApp.StartAsync(clock: TestClock.At("2017-12-20"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "1998-03-12");
        var classId = await b.ClassAsync(id);
        (await b.Api.PostAsJsonAsync($"/api/v1/classes/{classId}/orders", new Stayline.Features.Classes.ClassOrderWrite("Order", null, null, D("2017-07-24"), 90)))
            .EnsureSuccessStatusCode();
        await b.EventAsync(id, PersonEventKind.AFileReceived, "2017-08-14");
        await b.EventAsync(id, PersonEventKind.RecordOfProceedingsReceived, "2017-09-25");
        if (assignToAttorney)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var attorney = await db.Users.SingleAsync(u => u.Email == TestApp.Email("attorney"));
            db.Assignments.Add(new Assignment(id, attorney.Id, D("2017-07-01")));
            await db.SaveChangesAsync();
        }

        return (app, id);
    }

    [Theory]
    [InlineData(true, "false", true)]
    [InlineData(true, "true", true)]
    [InlineData(false, "true", false)]
    [InlineData(false, "false", true)]
    public async Task DeadlinesPage_MineOrAll_ListsTheClassMotionWithinSevenDays(bool assigned, string mine, bool listed)
    {
        var (app, id) = await MemberWithDeadlineAsync(assigned);
        await using var _ = app;
        var web = await app.SignedInAsync("attorney");

        var html = await web.GetStringAsync($"/Deadlines?Mine={mine}");

        // The section itself: the list of sections at the top names each heading too.
        var start = html.IndexOf("<section aria-labelledby=\"week\"", StringComparison.Ordinal);
        var week = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.Equal(listed, week.Contains($"/People/Details?id={id}", StringComparison.Ordinal));
        if (listed)
        {
            Assert.Contains("2017-12-26", week);
            Assert.Contains("Hamama v. Adducci", week);
            Assert.Contains("2017-12-25 is Christmas Day", week);
        }
    }

    [Fact]
    public async Task PersonPage_ProtectionEndingSoon_IsTheLoudWarningWithNextDeadlineAndCitation()
    {
        var (app, id) = await MemberWithDeadlineAsync(assignToAttorney: false);
        await using var _ = app;
        var web = await app.SignedInAsync("viewer");

        var html = await web.GetStringAsync($"/People/Details?id={id}");

        Assert.Matches("class=\"alert warn\"[^>]*>.*Protection ENDS WITHIN 7 DAYS", html);
        Assert.Contains("Next deadline: Motion to reopen under Hamama v. Adducci due 2017-12-26", html);
        Assert.Contains("8 CFR 1003.38(b),(c)", html); // the statutory rows are listed too, each with its citation
        Assert.Contains("data-testid=\"ending-soon\">1</div>", await web.GetStringAsync("/"));
    }

    [Fact]
    public async Task PersonPage_TimeLimitsLapsedYearsAgo_ShownApartWithTheGroundsThatHaveNoLimit()
    {
        var (app, id) = await MemberWithDeadlineAsync(assignToAttorney: false);
        await using var _ = app;
        var web = await app.SignedInAsync("viewer");

        var html = await web.GetStringAsync($"/People/Details?id={id}");

        // The 1998 order's periods (appeal 1998-04-13, motion to reopen 1998-06-10) are history, not red rows.
        var table = html[html.IndexOf("id=\"deadlines-h\"", StringComparison.Ordinal)..html.IndexOf("data-testid=\"lapsed-deadlines\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("MISSED", table);
        Assert.Contains("2017-12-26", table);
        var lapsed = html[html.IndexOf("data-testid=\"lapsed-deadlines\"", StringComparison.Ordinal)..];
        Assert.Contains("Time limits that lapsed more than 30 days ago (3)", lapsed);
        Assert.Contains("Motion to reopen (immigration judge): lapsed 1998-06-10", lapsed);
        Assert.Contains("Changed country conditions (8 CFR 1003.23(b)(4)(i)", lapsed);
    }

    [Fact]
    public async Task CalendarFeed_WithSecret_IsAValidCalendarWithoutCookie_AndRevokedSecretIsRefused()
    {
        var (app, _) = await MemberWithDeadlineAsync(assignToAttorney: true);
        await using var _ = app;
        var web = await app.SignedInAsync("attorney");
        var created = await TestApp.PostFormAsync(web, "/Deadlines/Calendar", "/Deadlines/Calendar?handler=Create", new Dictionary<string, string>());
        var url = FeedUrl().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        var anonymous = new HttpClient();

        var feed = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        var e = Assert.Single(calendar.Events, x => x.Summary!.StartsWith("Motion to reopen", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2017, 12, 26), DateOnly.FromDateTime(e.DtStart!.Value));
        Assert.EndsWith("due: Y.K. (A…5678)", e.Summary);
        Assert.DoesNotContain("Kassab", await (await anonymous.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(app.BaseAddress, "/calendar/cal_wrong.ics"))).StatusCode);

        await TestApp.PostFormAsync(web, "/Deadlines/Calendar", "/Deadlines/Calendar?handler=Revoke", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Reminders_NoSmtp_WritesToOutboxOnce()
    {
        var (app, _) = await MemberWithDeadlineAsync(assignToAttorney: true);
        await using var _ = app;
        var sender = app.Services.GetRequiredService<ReminderSender>();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();

        var first = await sender.SendDueAsync(db, CancellationToken.None);
        var second = await sender.SendDueAsync(db, CancellationToken.None);

        Assert.Equal((1, "outbox"), (first.Sent, first.Via));
        Assert.Equal((0, 1), (second.Sent, second.AlreadySent));
        var message = Assert.Single(sender.Outbox());
        Assert.Contains("due in 6 days (2017-12-26)", message.Subject);
        Assert.Contains(TestApp.Email("attorney"), message.To);
        var web = await app.SignedInAsync("admin");
        Assert.Contains("due in 6 days", await web.GetStringAsync("/Deadlines/Outbox"));
    }

    [Fact]
    public async Task Reminders_ToAnAttorneyWhoseOrganisationNoLongerSeesThePerson_AreNotSentUntilShared()
    {
        var (app, id) = await MemberWithDeadlineAsync(assignToAttorney: false);
        await using var _ = app;
        var sender = app.Services.GetRequiredService<ReminderSender>();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var (partner, error) = await Stayline.Features.Organisations.OrganisationService.AddAsync(db, "Partner B", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Null(error);
        const string email = "b-attorney@test.stayline";
        Assert.Null(await Stayline.Features.Account.UserCommands.CreateUserAsync(app.Services, email, "Partner attorney", Roles.Attorney, TestApp.Password, "Partner B"));
        // Assigned while the person was shared; the share was taken back since (the assignment stays, as it does today).
        var attorney = await db.Users.SingleAsync(u => u.Email == email);
        db.Assignments.Add(new Assignment(id, attorney.Id, D("2017-07-01")));
        await db.SaveChangesAsync();

        Assert.Equal(0, (await sender.SendDueAsync(db, CancellationToken.None)).Sent);
        Assert.Empty(sender.Outbox());

        db.PersonShares.Add(new Stayline.Domain.Organisations.PersonShare(id, partner!.Id, null, "test", DateTimeOffset.UnixEpoch));
        await db.SaveChangesAsync();
        Assert.Equal(1, (await sender.SendDueAsync(db, CancellationToken.None)).Sent);
        Assert.Contains(email, Assert.Single(sender.Outbox()).To, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"feed-url\">([^<]+)<")]
    private static partial Regex FeedUrl();
}
