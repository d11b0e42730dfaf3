using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Protection;
using Stayline.Features.Deadlines;
using Stayline.Features.Protection;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Deadlines;

/// <summary>"A-file received" / "ROP received" for a pasted list: preview, then all or nothing.</summary>
public class BulkRecordsTests
{
    private static async Task<(TestApp App, CaseBuilder B, long[] Ids)> ThreeMembersAsync(string provider = "sqlite")
    {
        var app = await TestApp.StartAsync(provider, TestClock.At("2017-09-25"));
        var b = new CaseBuilder(app);
        var ids = await b.ThreeClassMembersAsync();
        return (app, b, ids);
    }

    [Fact]
    public async Task Preview_MixedList_SaysWhoMatchesAndWhoDoesNotAndRecordsNothing()
    {
        var (app, b, _) = await ThreeMembersAsync();
        await using var _ = app;

        var response = await b.Api.PostAsJsonAsync("/api/v1/records",
            new BulkRecordWrite("A012-345-678\n\n087654321\nA099999999\nA12\nA012345678\n", PersonEventKind.RecordOfProceedingsReceived, D("2017-09-25")));

        var lines = (await response.Content.ReadFromJsonAsync<BulkResult>(CaseBuilder.Json))!.Lines;
        Assert.Equal(
            [(1, "Yousif Kassab", null), (3, "Sami Toma", null), (4, null, "no person with this A-number"), (5, null, "A12"), (6, null, "listed twice (first on line 1)")],
            lines.Select(l => (l.Line, l.Name, l.Error is { } e && e.Contains("A12", StringComparison.Ordinal) ? "A12" : l.Error)).ToList());
        Assert.Equal(0, await CountAsync(app, PersonEventKind.RecordOfProceedingsReceived));
    }

    [Fact]
    public async Task Apply_OneBadANumber_AppliesNothing()
    {
        var (app, b, _) = await ThreeMembersAsync();
        await using var _ = app;

        var response = await b.Api.PostAsJsonAsync("/api/v1/records",
            new BulkRecordWrite("A012345678\nA087654321\nA099999999", PersonEventKind.RecordOfProceedingsReceived, D("2017-09-25"), Apply: true));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, await CountAsync(app, PersonEventKind.RecordOfProceedingsReceived));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_AllMatch_RecordsEachAuditsEachAndStartsEveryonesClassDeadline(string provider)
    {
        var (app, b, ids) = await ThreeMembersAsync(provider);
        await using var _ = app;

        var response = await b.Api.PostAsJsonAsync("/api/v1/records",
            new BulkRecordWrite("A012345678\nA087654321\nA023456789", PersonEventKind.RecordOfProceedingsReceived, D("2017-09-25"), Apply: true));

        response.EnsureSuccessStatusCode();
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<BulkResult>(CaseBuilder.Json))!.Recorded);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        Assert.Equal(3, await db.AuditEvents.CountAsync(a => a.EntityType == nameof(PersonEvent) && a.After!.Contains($"\"Kind\":\"{PersonEventKind.RecordOfProceedingsReceived}\"")));
        foreach (var id in ids)
        {
            var p = await db.Protections.SingleAsync(x => x.PersonId == id);
            Assert.Equal((nameof(ProtectionState.Protected), D("2017-12-26")), (p.State, p.UntilDate!.Value));
            Assert.Equal(D("2017-12-26"), (await db.Deadlines.SingleAsync(d => d.PersonId == id && d.RuleId == "class-mtr")).DueDate);
        }
    }

    [Fact]
    public async Task RecordsPage_PreviewThenApply_RecordsForAll()
    {
        var (app, _, _) = await ThreeMembersAsync();
        await using var _ = app;
        var web = await app.SignedInAsync("attorney");
        var fields = new Dictionary<string, string> { ["Kind"] = "RecordOfProceedingsReceived", ["On"] = "2017-09-25", ["ANumbers"] = "A012345678\nA087654321" };

        // Each button posts where the page itself says (a field named "handler" in the body selects nothing: that
        // form once came back empty and recorded nothing).
        var preview = await TestApp.PostFormAsync(web, "/Deadlines/Records", ButtonAction(await web.GetStringAsync("/Deadlines/Records"), "Preview"), fields);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("2 matched, 0 not matched", html);
        Assert.Equal(0, await CountAsync(app, PersonEventKind.RecordOfProceedingsReceived));

        var apply = await TestApp.PostFormAsync(web, "/Deadlines/Records", ButtonAction(html, "Record for all 2"), fields);
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        Assert.Equal(2, await CountAsync(app, PersonEventKind.RecordOfProceedingsReceived));
    }

    private static string ButtonAction(string html, string label) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html,
            "<button[^>]*formaction=\"([^\"]+)\"[^>]*>" + System.Text.RegularExpressions.Regex.Escape(label) + "<").Groups[1].Value) is { Length: > 0 } action
            ? action
            : throw new Xunit.Sdk.XunitException($"No button \"{label}\" with its own formaction in the page.");

    private static async Task<int> CountAsync(TestApp app, PersonEventKind kind)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().PersonEvents.CountAsync(e => e.Kind == kind);
    }
}
