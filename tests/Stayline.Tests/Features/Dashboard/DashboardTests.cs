using System.Text.RegularExpressions;
using Stayline.Features.Dashboard;
using Stayline.Tests.Features.Reports;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Dashboard;

public class DashboardTests
{
    [Fact]
    public async Task Page_ScriptedPeople_ShowsChartsCountsAndUnassignedFirst()
    {
        await using var app = await TestApp.StartAsync();
        await StatusScenario.SeedAsync(app);
        var client = await app.SignedInAsync("viewer");

        var html = await client.GetStringAsync("/Dashboard");

        Assert.Contains("<desc id=\"chart-custody-d\">Detained: 3, Released: 1</desc>", html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"chart-facilities-d\">Calhoun County Correctional Center: 2, Northeast Ohio Correctional Center: 1</desc>", html, StringComparison.Ordinal);
        Assert.Contains("Detained without a lawyer (3)", html, StringComparison.Ordinal);
        Assert.Matches("<desc id=\"chart-protection-d\">Not protected: \\d+, Unknown — check: \\d+, Protected: \\d+</desc>", html);
        Assert.Contains("<desc id=\"chart-deadlines-d\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not stored in this build", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Equal(7, Regex.Matches(html, "<svg ").Count);
    }

    [Fact]
    public void Bars_LabelsWithMarkup_AreEncoded()
    {
        var svg = SvgChart.Bars("c", "T", [new ChartItem("<b>&", 3)]).ToString()!;

        Assert.Contains("&lt;b&gt;&amp;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
    }
}
