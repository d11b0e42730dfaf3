using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Deadlines;

/// <summary>
/// Closures added on the page move derived deadlines in the same request. Hand-worked: judge's order Mon 2026-03-02;
/// + 30 = Wed 2026-04-01, due for the Board appeal (filed with the Board) and the motion to reconsider (filed with the judge).
/// </summary>
public class ClosuresPageTests
{
    [Theory]
    [InlineData("", "2026-04-02", "2026-04-02")] // all courts: both move to Thursday
    [InlineData("bia", "2026-04-02", "2026-04-01")] // the Board only: its appeal moves
    [InlineData("eoir-detroit", "2026-04-01", "2026-04-01")] // one immigration court: not known to be the forum, nothing moves
    public async Task AddClosure_OnTheDueDay_MovesTheDeadlinesOfItsForum(string court, string appealDue, string reconsiderDue)
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2026-03-10"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2026-03-02");
        var admin = await app.SignedInAsync("admin");

        var response = await TestApp.PostFormAsync(admin, "/Deadlines/Closures", "/Deadlines/Closures?handler=Add", new Dictionary<string, string>
        {
            ["Date"] = "2026-04-01",
            ["Court"] = court,
            ["Reason"] = "Closed by a storm",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var due = (await b.DeadlinesAsync(id)).ToDictionary(d => d.RuleId, d => d.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((appealDue, reconsiderDue), (due["bia-appeal"], due["reconsider-ij"]));
    }

    [Fact]
    public async Task AddClosure_NotAdmin_ForbiddenAndNothingStored()
    {
        await using var app = await TestApp.StartAsync();
        var attorney = await app.SignedInAsync("attorney");

        var response = await attorney.PostAsync("/Deadlines/Closures?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Date"] = "2026-04-01",
            ["Reason"] = "Closed by a storm",
        }));

        // Sent to "access denied" (or refused outright), never to the closures list.
        Assert.DoesNotContain("/Deadlines/Closures", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().CourtClosures.CountAsync());
    }
}
