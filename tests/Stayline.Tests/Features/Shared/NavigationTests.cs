using System.Net;
using System.Text.RegularExpressions;
using Stayline.Data;
using Stayline.Features.Shared;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Shared;

/// <summary>The main navigation shows every page a role may open and none it may not.</summary>
public partial class NavigationTests
{
    [Fact]
    public async Task Nav_EveryRole_ShowsExactlyThePagesItMayOpen()
    {
        await using var app = await TestApp.StartAsync();
        foreach (var role in Roles.All)
        {
            var web = await app.SignedInAsync(role);
            var html = await web.GetStringAsync("/Dashboard");
            var nav = NavPattern().Match(html).Groups[1].Value;
            var shown = LinkPattern().Matches(nav).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

            foreach (var link in Navigation.All)
            {
                var response = await web.GetAsync(link.Href);
                var allowed = response.StatusCode == HttpStatusCode.OK;
                Assert.True(allowed || response.Headers.Location?.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal) == true,
                    $"{role} {link.Href}: {(int)response.StatusCode}");
                Assert.True(allowed == shown.Contains(link.Href),
                    $"{role}: {link.Href} {(allowed ? "opens but is not in the navigation" : "is in the navigation but answers Not allowed")}");
            }

            Assert.Subset(Navigation.All.Select(l => l.Href).ToHashSet(StringComparer.Ordinal), shown);
        }
    }

    [Fact]
    public async Task Nav_Viewer_HasNoEditingPagesAndAdminHasAll()
    {
        await using var app = await TestApp.StartAsync();
        var viewer = await (await app.SignedInAsync("viewer")).GetStringAsync("/Dashboard");
        var admin = await (await app.SignedInAsync("admin")).GetStringAsync("/Dashboard");

        foreach (var href in new[] { "/Import", "/Bulk", "/Review", "/Documents", "/Audit" })
        {
            Assert.DoesNotContain($"href=\"{href}\"", NavPattern().Match(viewer).Value, StringComparison.Ordinal);
        }

        Assert.Equal(Navigation.All.Count, LinkPattern().Matches(NavPattern().Match(admin).Groups[1].Value).Count);
    }

    [GeneratedRegex("<nav aria-label=\"Main\">(.*?)</nav>", RegexOptions.Singleline)]
    private static partial Regex NavPattern();

    [GeneratedRegex("<a href=\"([^\"]+)\">")]
    private static partial Regex LinkPattern();
}
