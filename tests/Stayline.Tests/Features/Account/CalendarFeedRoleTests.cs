using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Account;

/// <summary>A viewer changes nothing shared and keeps no standing copy of case data outside Stayline: no calendar feed.</summary>
public partial class CalendarFeedRoleTests
{
    private static async Task<string> CreateFeedAsync(TestApp app, string role)
    {
        var web = await app.SignedInAsync(role);
        var created = await TestApp.PostFormAsync(web, "/Deadlines/Calendar", "/Deadlines/Calendar?handler=Create", new Dictionary<string, string>());
        return FeedUrl().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    [Fact]
    public async Task Viewer_CannotCreateAFeed()
    {
        await using var app = await TestApp.StartAsync();
        var viewer = await app.SignedInAsync("viewer");
        Assert.DoesNotContain("handler=Create", await viewer.GetStringAsync("/Deadlines/Calendar"));

        var created = await TestApp.PostFormAsync(viewer, "/Deadlines/Calendar", "/Deadlines/Calendar?handler=Create", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/Account/Denied", created.Headers.Location!.PathAndQuery);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().CalendarFeeds.AnyAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Feed_OfUserDemotedToViewerOrDisabled_Stops(bool disable)
    {
        await using var app = await TestApp.StartAsync();
        var url = await CreateFeedAsync(app, "attorney");
        var anonymous = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);

        await AuthClients.AdminEditsAsync(app, await app.SignedInAsync("admin"), "attorney", disable ? "attorney" : "viewer", disabled: disable);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
    }

    [GeneratedRegex("data-testid=\"feed-url\">([^<]+)<")]
    private static partial Regex FeedUrl();
}
