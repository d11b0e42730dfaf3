using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
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
        Assert.Contains($"<p>{listed:N0} people</p>", html);
        Assert.DoesNotMatch(Prev(), html);
        var seen = Rows().Matches(html).Count;
        var next = Next().Match(html);
        Assert.True(next.Success);
        var second = await web.GetStringAsync(Href(next));
        Assert.Contains($"<p>{listed:N0} people</p>", second);
        seen += Rows().Matches(second).Count;
        Assert.Equal(listed, seen);
        Assert.DoesNotMatch(Next(), second);

        // Previous from the second page is the first page again (the count of the rows before its key is under a page).
        var back = await web.GetStringAsync(Href(Prev().Match(second)));
        Assert.Equal(Ids(html), Ids(back));
        Assert.DoesNotMatch(Prev(), back);
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
            foreach (var url in new[] { "/Protection", "/Protection?State=Unknown", "/Protection?State=Protected", "/Protection?EndingSoon=true", "/Protection?Status=Detained",
                "/Protection?Status=Released", "/Protection?Status=Unknown" })
            {
                var html = await web.GetStringAsync(url);
                var listed = Rows().Matches(html).Count;
                Assert.Contains(listed == 1 ? "<p>1 person</p>" : $"<p>{listed:N0} people</p>", html);
                if (listed > 0)
                {
                    // Counted exactly: the pager says where the page is in it.
                    Assert.Contains($"<span>1–{listed:N0} of {listed:N0}</span>", System.Net.WebUtility.HtmlDecode(html));
                }

                Assert.DoesNotContain("More than", html);
                counts.Add(listed);
            }
        }

        Assert.Contains(counts, c => c >= 12);
    }

    /// <summary>
    /// A list longer than <see cref="IndexModel.WalkFrom"/> is read in name order from the people (the walk), a short
    /// one from the State index and sorted; either way each page starts after the key of the one before (keyset paging).
    /// Following Next lists each person once, in name order, the same as the plain query, and following Previous back
    /// from the last page gives the same pages; the count past <see cref="IndexModel.CountCap"/> is said as "more than"
    /// for a reader who does not see everyone (on every page), exact for one who does, and a custody filter leaves
    /// exactly its people (a long one walked, a short one sorted).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProtectionPage_LongList_WalkedInNameOrder_EveryPersonOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        List<long> all;
        List<long> released;
        List<long> others;
        CustodyStatus other;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var people = Enumerable.Range(0, IndexModel.CountCap + 300).Select(i =>
            {
                // Names repeat (ties on the sort name are ordered by id).
                var (p, errors) = Person.Create(new PersonInput(null, $"Given{i % 7}", $"Family{i % 300:D3}", null, null, BirthDatePrecision.Exact, null, null, false, null),
                    new DateOnly(2027, 1, 1), DateTimeOffset.UnixEpoch);
                Assert.Empty(errors);
                return p!;
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var ids = people.Where((_, i) => i % 9 != 0).Select(p => p.Id).ToList();
            // Test set-up outside any reader's scope (not a scoped query).
            await db.People.IgnoreQueryFilters().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CustodyStatus, CustodyStatus.Released));
            all = await InOrder(IndexModel.Query(db, null, null));
            released = await InOrder(IndexModel.Query(db, null, CustodyStatus.Released));
            other = people[0].CustodyStatus;
            others = await InOrder(IndexModel.Query(db, null, other));
        }

        Assert.True(all.Count > IndexModel.CountCap, $"{all.Count} listed");
        Assert.InRange(released.Count, IndexModel.WalkFrom + 1, all.Count - 1);
        Assert.InRange(others.Count, IndexModel.PageSize + 1, IndexModel.WalkFrom);
        foreach (var (role, url, want, first, exact) in new[]
        {
            ("viewer", "/Protection", all, $"More than {IndexModel.CountCap:N0} people", false),
            ("admin", "/Protection", all, $"<p>{all.Count:N0} people</p>", true),
            ("viewer", "/Protection?Status=Released", released, $"More than {IndexModel.CountCap:N0} people", false),
            ("admin", "/Protection?Status=Released", released, $"More than {IndexModel.CountCap:N0} people", false),
            ("viewer", $"/Protection?Status={other}", others, $"<p>{others.Count:N0} people</p>", true),
        })
        {
            // To the end by Next: every person once, in the name order.
            var web = await app.SignedInAsync(role);
            var html = await web.GetStringAsync(url);
            var pages = new List<List<long>>();
            while (true)
            {
                Assert.Contains(first, html);
                pages.Add(Ids(html));
                AssertPlace(html, pages.Count - 1, pages[^1].Count, exact ? want.Count : null);
                Assert.True(pages.Count <= want.Count / IndexModel.PageSize + 1, $"{role} {url}: more pages than people");
                var next = Next().Match(html);
                if (!next.Success)
                {
                    break;
                }

                Assert.Equal(IndexModel.PageSize, pages[^1].Count);
                html = await web.GetStringAsync(Href(next));
            }

            Assert.Equal(want, pages.SelectMany(p => p).ToList());

            // And back by Previous: the same pages, last to first, the first without a Previous.
            var backward = new List<List<long>> { Ids(html) };
            for (var prev = Prev().Match(html); prev.Success; prev = Prev().Match(html))
            {
                html = await web.GetStringAsync(Href(prev));
                backward.Add(Ids(html));
                AssertPlace(html, pages.Count - backward.Count, backward[^1].Count, exact ? want.Count : null);
                Assert.True(backward.Count <= pages.Count, $"{role} {url}: more pages back than forward");
            }

            backward.Reverse();
            Assert.Equal(pages, backward);
        }

        static Task<List<long>> InOrder(IQueryable<IndexModel.Joined> q) => q.OrderBy(x => x.Person.SortName).ThenBy(x => x.Person.Id).Select(x => x.Person.Id).ToListAsync();
    }

    /// <summary>The pager's words for the page at <paramref name="index"/> (from 0): "201–400 of 2,300" where the list is
    /// counted exactly and the rows before the page were counted (up to the count's cap); "200 shown" otherwise.</summary>
    private static void AssertPlace(string html, int index, int rows, int? exactTotal)
    {
        var text = System.Net.WebUtility.HtmlDecode(html);
        var before = index * IndexModel.PageSize;
        if (exactTotal is { } total && before <= IndexModel.CountCap)
        {
            Assert.Contains($"<span>{before + 1:N0}–{before + rows:N0} of {total:N0}</span>", text);
        }
        else
        {
            Assert.Contains($"<span>{rows:N0} shown</span>", text);
        }
    }

    private static List<long> Ids(string html) =>
        [.. Rows().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static string Href(Match link)
    {
        Assert.True(link.Success, "no such link");
        return System.Net.WebUtility.HtmlDecode(link.Groups[1].Value);
    }

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial Regex Next();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"prev\">")]
    private static partial Regex Prev();

    [GeneratedRegex("href=\"/People/Details\\?id=(\\d+)\"")]
    private static partial Regex Rows();
}
