using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.Protection;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Protection;

/// <summary>The protection list counts exactly and pages to the last person (it used to stop at "the first 1,000").</summary>
public partial class ProtectionListPagingTests
{
    [Fact]
    public async Task ProtectionPage_MoreThanOnePage_ExactCountAndEveryPersonReachableByNext()
    {
        await using var app = await TestApp.StartAsync();
        int listed;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            for (var i = 0; i < IndexModel.PageSize + 30; i++)
            {
                await ReviewServiceTests.AddPersonAsync(db, $"Given{i:D3}", "Toma", null);
            }

            listed = await IndexModel.Query(db, null, null).CountAsync();
        }

        Assert.True(listed > IndexModel.PageSize, $"{listed} listed");
        var web = await app.SignedInAsync("viewer");
        var html = await web.GetStringAsync("/Protection");
        Assert.Contains($"{listed:N0} people, page 1 of 2", html);
        var seen = Rows().Matches(html).Count;
        var next = Next().Match(html);
        Assert.True(next.Success);
        seen += Rows().Matches(await web.GetStringAsync(System.Net.WebUtility.HtmlDecode(next.Groups[1].Value))).Count;
        Assert.Equal(listed, seen);
    }

    /// <summary>The count is exact for every reader and filter under <see cref="IndexModel.CountCap"/>: counted from the
    /// protection rows alone for a reader who sees everyone without a custody filter, from the people otherwise; each
    /// equals the rows the page lists.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProtectionPage_EveryReaderAndFilter_CountIsThePeopleListed(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            for (var i = 0; i < 12; i++)
            {
                await ReviewServiceTests.AddPersonAsync(db, $"Given{i:D3}", "Toma", null);
            }
        }

        var counts = new List<int>();
        foreach (var role in new[] { "admin", "viewer" })
        {
            var web = await app.SignedInAsync(role);
            foreach (var url in new[] { "/Protection", "/Protection?State=Unknown", "/Protection?State=Protected", "/Protection?EndingSoon=true", "/Protection?Status=Detained" })
            {
                var html = await web.GetStringAsync(url);
                var listed = Rows().Matches(html).Count;
                Assert.Contains(listed == 1 ? "<p>1 person</p>" : $"<p>{listed:N0} people</p>", html);
                Assert.DoesNotContain("More than", html);
                counts.Add(listed);
            }
        }

        Assert.Contains(counts, c => c >= 12);
    }

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial Regex Next();

    [GeneratedRegex("href=\"/People/Details\\?id=\\d+\"")]
    private static partial Regex Rows();
}
