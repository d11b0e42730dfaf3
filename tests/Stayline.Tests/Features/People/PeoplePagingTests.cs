using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.Demo;
using Stayline.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>Paging reaches every person: past the count cap there is still a Next, the last people are listed, and
/// the page size chosen is kept from page to page.</summary>
public partial class PeoplePagingTests
{
    [Fact]
    public async Task PeoplePage_MorePeopleThanTheCountCap_EveryPageReachableByNext()
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, PeopleQuery.CountCap + 150, CancellationToken.None);
        int people;
        await using (var scope = app.Scope())
        {
            people = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().People.CountAsync();
        }

        Assert.True(people > PeopleQuery.CountCap, $"{people} people");
        var web = await app.SignedInAsync("viewer");
        var seen = 0;
        var url = "/People?PageSize=100";
        var pages = 0;
        while (url is not null && pages++ < 50)
        {
            var html = await web.GetStringAsync(url);
            seen += RowPattern().Matches(html).Count;
            url = NextPattern().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        }

        Assert.Equal(people, seen);
    }

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial Regex NextPattern();

    [GeneratedRegex("href=\"/People/Details\\?id=\\d+\"")]
    private static partial Regex RowPattern();
}
