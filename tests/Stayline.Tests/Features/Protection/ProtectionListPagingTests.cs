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

    /// <summary>
    /// A list longer than <see cref="IndexModel.WalkFrom"/> is read in name order from the people (the walk), a short
    /// one or a page far into one from the State index: following Next lists each person once, in name order, the same
    /// as the plain query, with the count past <see cref="IndexModel.CountCap"/> said as "more than" for a reader who does
    /// not see everyone, exact for one who does, and a custody filter leaving exactly its people.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProtectionPage_LongList_WalkedInNameOrder_EveryPersonOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        List<long> all;
        List<long> released;
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
        }

        Assert.True(all.Count > IndexModel.CountCap, $"{all.Count} listed");
        Assert.InRange(released.Count, IndexModel.WalkFrom + 1, all.Count - 1);
        foreach (var (role, url, want, first) in new[]
        {
            ("viewer", "/Protection", all, $"More than {IndexModel.CountCap:N0} people"),
            ("admin", "/Protection", all, $"{all.Count:N0} people, page 1 of"),
            ("viewer", "/Protection?Status=Released", released, $"More than {IndexModel.CountCap:N0} people"),
        })
        {
            var web = await app.SignedInAsync(role);
            var html = await web.GetStringAsync(url);
            Assert.Contains(first, html);
            var seen = new List<long>();
            for (var pages = 0; pages < 30; pages++)
            {
                seen.AddRange(Rows().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
                var next = Next().Match(html);
                if (!next.Success)
                {
                    break;
                }

                html = await web.GetStringAsync(System.Net.WebUtility.HtmlDecode(next.Groups[1].Value));
            }

            Assert.Equal(want, seen);
        }

        static Task<List<long>> InOrder(IQueryable<IndexModel.Joined> q) => q.OrderBy(x => x.Person.SortName).ThenBy(x => x.Person.Id).Select(x => x.Person.Id).ToListAsync();
    }

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial Regex Next();

    [GeneratedRegex("href=\"/People/Details\\?id=(\\d+)\"")]
    private static partial Regex Rows();
}
