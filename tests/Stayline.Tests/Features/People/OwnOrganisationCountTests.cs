using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.Organisations;
using Stayline.Features.People;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>
/// The unfiltered list's count for a reader whose organisation alone decides whom they see is read with
/// <c>OrganisationId = own</c> added to the scoping: the same number as the plain scoped count, for the coordinating
/// organisation's viewer, a partner's reader, a partner with a person shared in (counted the plain way), and a reader
/// who sees all; the first page holds the same people as the plain read.
/// </summary>
public class OwnOrganisationCountTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnfilteredCount_ForEachReader_SameAsThePlainScopedCount(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await ReviewServiceTests.AddPersonAsync(db, "Person", $"N{i % 7:D2}", new DateOnly(1980, 1, 1)));
        }

        var home = await db.Organisations.Where(o => o.IsCoordinating).Select(o => o.Id).SingleAsync();
        var (b, errorB) = await OrganisationService.AddAsync(db, "Partner B", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var (c, errorC) = await OrganisationService.AddAsync(db, "Partner C", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Null(errorB ?? errorC);
        // Test set-up outside any reader's scope: a third of the people to each partner, one of the coordinating
        // organisation's shared with partner B.
        var toB = ids.Where((_, i) => i % 3 == 1).ToList();
        var toC = ids.Where((_, i) => i % 3 == 2).ToList();
        await db.People.IgnoreQueryFilters().Where(p => toB.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, b!.Id));
        await db.People.IgnoreQueryFilters().Where(p => toC.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, c!.Id));
        db.PersonShares.Add(new Stayline.Domain.Organisations.PersonShare(ids[0], b!.Id, null, "test", DateTimeOffset.UnixEpoch));
        await db.SaveChangesAsync();

        foreach (var (reader, own, sees) in new[]
        {
            (Visibility.For(home, coordinatingAdmin: false), (long?)home, 10),
            (Visibility.For(c!.Id, coordinatingAdmin: false), c.Id, 10),
            (Visibility.For(b.Id, coordinatingAdmin: false), null, 11),
            (Visibility.For(home, coordinatingAdmin: true), null, 30),
        })
        {
            db.ScopeTo(reader);
            Assert.Equal(own, await PeopleQuery.OwnOrganisationOnlyAsync(db, CancellationToken.None));
            var plain = await db.People.AsNoTracking().OrderBy(p => p.SortName).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync();
            Assert.Equal(sees, plain.Count);
            foreach (var sort in new[] { PeopleSort.Name, PeopleSort.NextDeadline, PeopleSort.Newest })
            {
                var page = await PeopleQuery.RunAsync(db, new PeopleFilter { Sort = sort, PageSize = 25 }, CancellationToken.None);
                Assert.Equal((sees, false), (page.Total, page.TotalIsCapped));
                Assert.Equal(Math.Min(25, sees), page.Rows.Count);
                Assert.All(page.Rows, r => Assert.Contains(r.Id, plain));
            }

            var byName = await PeopleQuery.RunAsync(db, new PeopleFilter { PageSize = 25 }, CancellationToken.None);
            Assert.Equal(plain.Take(25), byName.Rows.Select(r => r.Id));
        }
    }
}
