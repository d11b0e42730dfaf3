using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Features.Account;
using Stayline.Features.Organisations;
using Stayline.Features.People;
using Stayline.Tests.Features.Organisations;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>Every order of the people list but closeness pages by key (After / Before): walking forward reaches every
/// row exactly once in the order's sequence, ties broken by id; walking back gives the same rows; and another
/// organisation's people never appear or count.</summary>
public partial class KeysetPagingTests
{
    private sealed record Seeded(long Id, string SortName, string? ANumber, DateOnly? BirthDate);

    /// <summary>Ten people with ties: three "Amal Toma" (same name, two the same birth date), some without an A-number
    /// or a birth date. Names in plain lower-case ASCII order, the same in both databases' collations.</summary>
    private static async Task<List<Seeded>> SeedAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var born = new DateOnly(1980, 1, 1);
        (string Given, string Family, DateOnly? Born, string? A)[] people =
        [
            ("Amal", "Toma", born, "A012345678"),
            ("Amal", "Toma", born, null),
            ("Amal", "Toma", null, "A023456789"),
            ("Basil", "Aziz", new DateOnly(1975, 5, 5), "A034567890"),
            ("Dina", "Hanna", born, "A001234567"),
            ("Fadi", "Kassab", null, null),
            ("Huda", "Toma", new DateOnly(1990, 2, 2), "A045678901"),
            ("Karim", "Nasr", new DateOnly(1960, 6, 6), "A056789012"),
            ("Zaid", "Ali", born, "A067890123"),
            ("Amal", "Toma", new DateOnly(1975, 5, 5), "A078901234"),
        ];
        foreach (var (given, family, birth, a) in people)
        {
            await ReviewServiceTests.AddPersonAsync(db, given, family, birth, a);
        }

        return await db.People.AsNoTracking().Select(p => new Seeded(p.Id, p.SortName, p.ANumber, p.BirthDate)).ToListAsync();
    }

    /// <summary>The expected order of each sort, nulls last (as the keyset groups put them), ties by id.</summary>
    private static List<long> Expected(List<Seeded> all, string sort, bool desc)
    {
        var asc = sort switch
        {
            "Name" => all.OrderBy(p => p.SortName, StringComparer.Ordinal).ThenBy(p => p.Id),
            "ANumber" => all.OrderBy(p => p.ANumber is null).ThenBy(p => p.ANumber, StringComparer.Ordinal).ThenBy(p => p.Id),
            "BirthDate" => all.OrderBy(p => p.BirthDate is null).ThenBy(p => p.BirthDate).ThenBy(p => p.Id),
            "Newest" => all.OrderByDescending(p => p.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };
        var ids = asc.Select(p => p.Id).ToList();
        if (desc)
        {
            ids.Reverse();
        }

        return ids;
    }

    private static async Task<(List<PeoplePage> Pages, List<long> Ids)> WalkAsync(HttpClient api, string sort, bool desc, string? cursor, bool back)
    {
        var pages = new List<PeoplePage>();
        for (var i = 0; i < 20; i++)
        {
            var url = $"/api/v1/people?sort={sort}&pageSize=3{(desc ? "&desc=true" : "")}"
                + (cursor is null ? "" : (back ? "&before=" : "&after=") + Uri.EscapeDataString(cursor));
            var page = (await api.GetFromJsonAsync<PeoplePage>(url, PeopleApiTests.Json))!;
            Assert.True(page.Keyset, url);
            pages.Add(page);
            cursor = back ? page.Before : page.After;
            if (cursor is null)
            {
                if (back)
                {
                    pages.Reverse();
                }

                return (pages, pages.SelectMany(p => p.Rows.Select(r => r.Id)).ToList());
            }
        }

        throw new InvalidOperationException("The pages never ended.");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryOrder_WalkedForwardAndBack_EveryPersonOnceInOrderTiesById(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var all = await SeedAsync(app);
        var api = app.Api("viewer");
        foreach (var sort in new[] { "Name", "ANumber", "BirthDate", "Newest" })
        {
            foreach (var desc in new[] { false, true })
            {
                var expected = Expected(all, sort, desc);
                var (pages, forward) = await WalkAsync(api, sort, desc, null, back: false);
                Assert.True(expected.SequenceEqual(forward), $"{sort}{(desc ? " desc" : "")}: expected {string.Join(",", expected)}, got {string.Join(",", forward)}");
                Assert.All(pages, p => Assert.Equal(all.Count, p.Total));
                Assert.Null(pages[0].Before);

                // Back from the last page (Previous after Previous) to the first: the same rows, each once.
                var (_, backward) = await WalkAsync(api, sort, desc, pages[^1].Before, back: true);
                Assert.True(expected.Take(expected.Count - pages[^1].Rows.Count).SequenceEqual(backward),
                    $"{sort}{(desc ? " desc" : "")} back: got {string.Join(",", backward)}");
            }
        }

        // A page asked for by number (API clients that page so) is the same slice of the same order.
        var byNumber = (await api.GetFromJsonAsync<PeoplePage>("/api/v1/people?sort=BirthDate&pageSize=3&page=2", PeopleApiTests.Json))!;
        Assert.Equal(Expected(all, "BirthDate", false).Skip(3).Take(3), byNumber.Rows.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PeoplePage_NextThenPrevious_EveryRowOnceAndBackToTheFirstPage(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var all = await SeedAsync(app);
        var web = await app.SignedInAsync("viewer");
        var seen = new List<long>();
        var url = "/People?PageSize=4&Sort=BirthDate";
        var html = "";
        for (var i = 0; url is not null && i < 10; i++)
        {
            html = await web.GetStringAsync(url);
            seen.AddRange(RowPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            url = NextPattern().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        }

        Assert.Equal(Expected(all, "BirthDate", false), seen);
        var previous = PreviousPattern().Match(html);
        Assert.True(previous.Success, "the last page links to the page before");
        var before = await web.GetStringAsync(System.Net.WebUtility.HtmlDecode(previous.Groups[1].Value));
        Assert.Equal(Expected(all, "BirthDate", false).Skip(4).Take(4),
            RowPattern().Matches(before).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("First page", before);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherOrganisation_PeopleOutsideItNeverAppearNorCount(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var all = await SeedAsync(app);
        long partner;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (org, error) = await OrganisationService.AddAsync(db, "Partner B", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
            Assert.Null(error);
            partner = org!.Id;
            var theirs = new[] { all[1].Id, all[6].Id };
            await db.People.IgnoreQueryFilters().Where(p => theirs.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, partner));
        }

        Assert.Null(await UserCommands.CreateUserAsync(app.Services, "b-viewer@test.stayline", "Partner viewer", Roles.Viewer, TestApp.Password, "Partner B"));
        var web = await ScopingRouteTableTests.SignedInAsync(app, "b-viewer@test.stayline");
        foreach (var sort in new[] { "Name", "ANumber", "BirthDate", "Newest", "Protection", "NextDeadline", "Lawyer", "Facility" })
        {
            var html = await web.GetStringAsync($"/People?Sort={sort}&PageSize=1");
            var shown = RowPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Single(shown);
            Assert.Contains(shown[0], new[] { all[1].Id, all[6].Id });
            Assert.Contains("2 people found.", html);
            var next = NextPattern().Match(html);
            Assert.True(next.Success, sort);
            var second = await web.GetStringAsync(System.Net.WebUtility.HtmlDecode(next.Groups[1].Value));
            var more = RowPattern().Matches(second).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal([all[1].Id, all[6].Id], shown.Concat(more).Order());
            Assert.False(NextPattern().IsMatch(second), sort);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithAFilter_EveryOrder_SamePagesWhicheverWayItIsRead(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
        await db.Deadlines.ExecuteDeleteAsync();
        var ids = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            var id = await ReviewServiceTests.AddPersonAsync(db, "Person", $"N{i:D2}", new DateOnly(1980, 1, 1));
            ids.Add(id);
            // Two open deadlines each (the earlier counts), every fifth person none; days repeat so that ties occur.
            if (i % 5 != 0)
            {
                foreach (var (days, state) in new[] { (i % 7, "Open"), (i % 7 + 3, "Open"), (-1, "Met") })
                {
                    db.Deadlines.Add(new PersonDeadline { PersonId = id, RuleId = "manual", Manual = true, Title = "Brief", DueDate = new DateOnly(2027, 3, 1).AddDays(days), State = state, Citation = "" });
                }
            }

            // Every third person is the attorney's.
            if (i % 3 == 0)
            {
                db.Assignments.Add(new Assignment(id, attorney, new DateOnly(2027, 1, 1)));
            }
        }

        await db.SaveChangesAsync();
        async Task<List<long>> AllAsync(int? counted, bool desc, PeopleSort sort = PeopleSort.NextDeadline, int firstBatch = 3, PeopleFilter? by = null,
            string? onlyGroup = null)
        {
            by ??= new PeopleFilter { AttorneyId = attorney };
            var filter = PeopleQuery.Filter(db, by);
            var check = PeopleQuery.Filter(db, by, perPerson: true);
            var narrowed = counted is { } n
                ? new PeopleBoard.Narrowed(n, check, (upTo, ct) => filter.Take(upTo).CountAsync(ct), OnlyGroup: onlyGroup, FirstBatch: firstBatch)
                : null;
            var seen = new List<long>();
            string? after = null;
            for (var i = 0; i < 30; i++)
            {
                var page = await PeopleBoard.PageAsync(db, filter, sort, desc, after, null, 2, narrowed, CancellationToken.None);
                seen.AddRange(page.Ids);
                if ((after = page.Next) is null)
                {
                    return seen;
                }
            }

            throw new InvalidOperationException("The pages never ended.");
        }

        var theirs = ids.Where((_, i) => i % 3 == 0).ToList();
        var due = await db.Deadlines.Where(d => d.State == "Open").GroupBy(d => d.PersonId).Select(g => new { g.Key, Due = g.Min(d => d.DueDate) }).ToDictionaryAsync(x => x.Key, x => x.Due);
        var expected = theirs.Where(due.ContainsKey).OrderBy(id => due[id]).ThenBy(id => id).Concat(theirs.Where(id => !due.ContainsKey(id)).Order()).ToList();
        foreach (var desc in new[] { false, true })
        {
            var want = desc ? Enumerable.Reverse(expected).ToList() : expected;
            // Unfiltered walk with a join, the few people read each for their earliest deadline, the batched walk (from
            // batches of one, where the filter looks rare and the walk soon reads the rest from it, and of three).
            Assert.Equal(want, await AllAsync(null, desc));
            Assert.Equal(want, await AllAsync(theirs.Count, desc));
            Assert.Equal(want, await AllAsync(PeopleQuery.FilteredCountCap + 1, desc, firstBatch: 1));
            Assert.Equal(want, await AllAsync(PeopleQuery.FilteredCountCap + 1, desc));
        }

        // Every other order too: the filter read with the order in one statement, or the order read in batches and
        // the filter checked by id, give the same pages.
        foreach (var sort in new[] { PeopleSort.Name, PeopleSort.BirthDate, PeopleSort.Newest, PeopleSort.Protection, PeopleSort.Lawyer, PeopleSort.Facility })
        {
            var direct = await AllAsync(theirs.Count, false, sort);
            Assert.Equal(theirs.Order(), direct.Order());
            Assert.Equal(direct, await AllAsync(PeopleQuery.FilteredCountCap + 1, false, sort));
            Assert.Equal(direct, await AllAsync(PeopleQuery.FilteredCountCap + 1, false, sort, firstBatch: 1));
            Assert.Equal(Enumerable.Reverse(direct), await AllAsync(PeopleQuery.FilteredCountCap + 1, true, sort));
        }

        // A filter the sort's first groups hold none of (people without a lawyer, sorted by lawyer): the first batches find
        // nobody, so it looks rare; but it counts past the rare limit (26 of 40 people; about 2 x sqrt(3 x 40) = 21 for
        // pages of two), so the walk goes on to the group that holds them rather than reading the filter group by group.
        // Same pages as reading the filter whole, and as reading only its one group.
        Assert.Equal(40, await db.People.CountAsync());
        var noLawyer = new PeopleFilter { HasLawyer = false };
        var unassigned = ids.Where((_, i) => i % 3 != 0).ToList();
        foreach (var desc in new[] { false, true })
        {
            var want = desc ? unassigned.OrderDescending().ToList() : unassigned.Order().ToList();
            Assert.Equal(want, await AllAsync(unassigned.Count, desc, PeopleSort.Lawyer, by: noLawyer));
            Assert.Equal(want, await AllAsync(PeopleQuery.FilteredCountCap + 1, desc, PeopleSort.Lawyer, firstBatch: 1, by: noLawyer));
            Assert.Equal(want, await AllAsync(PeopleQuery.FilteredCountCap + 1, desc, PeopleSort.Lawyer, by: noLawyer, onlyGroup: "none"));
        }
    }

    /// <summary>A lawyer's people by name, walked in batches (as past the count cap) from the reader's own organisation's
    /// name index when that organisation is all the reader sees: the same pages, forward and back, as the plain read
    /// (the filter in one statement), for the coordinating organisation's viewer and a partner's; a partner with a
    /// person shared to it is walked over all it sees and still finds the shared person.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LawyerFilterByName_WalkedFromTheReadersOwnOrganisation_SamePagesAsThePlainRead(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
        var ids = new List<long>();
        for (var i = 0; i < 48; i++)
        {
            // Names repeat (ties by id); every second person is the attorney's.
            ids.Add(await ReviewServiceTests.AddPersonAsync(db, "Person", $"N{i % 13:D2}", new DateOnly(1980, 1, 1)));
            if (i % 2 == 0)
            {
                db.Assignments.Add(new Assignment(ids[^1], attorney, new DateOnly(2027, 1, 1)));
            }
        }

        await db.SaveChangesAsync();
        var home = await db.Organisations.Where(o => o.IsCoordinating).Select(o => o.Id).SingleAsync();
        var (b, errorB) = await OrganisationService.AddAsync(db, "Partner B", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var (c, errorC) = await OrganisationService.AddAsync(db, "Partner C", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Null(errorB ?? errorC);
        // Test set-up outside any reader's scope (not a scoped query): a third of the people to each partner, and one of
        // the coordinating organisation's lawyered people shared with partner B.
        var toB = ids.Where((_, i) => i % 3 == 1).ToList();
        var toC = ids.Where((_, i) => i % 3 == 2).ToList();
        await db.People.IgnoreQueryFilters().Where(p => toB.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, b!.Id));
        await db.People.IgnoreQueryFilters().Where(p => toC.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, c!.Id));
        db.PersonShares.Add(new Stayline.Domain.Organisations.PersonShare(ids[0], b!.Id, null, "test", DateTimeOffset.UnixEpoch));
        await db.SaveChangesAsync();

        var by = new PeopleFilter { AttorneyId = attorney };
        foreach (var (reader, own, sees) in new[]
        {
            (Visibility.For(home, coordinatingAdmin: false), (long?)home, ids.Where((_, i) => i % 3 == 0).ToList()),
            (Visibility.For(c!.Id, coordinatingAdmin: false), c.Id, toC),
            (Visibility.For(b.Id, coordinatingAdmin: false), null, toB.Append(ids[0]).ToList()),
        })
        {
            db.ScopeTo(reader);
            Assert.Equal(own, await PeopleQuery.OwnOrganisationOnlyAsync(db, CancellationToken.None));
            var everyone = await PeopleQuery.WalkedAsync(db, PeopleSort.Name, CancellationToken.None);
            Assert.Equal(own is null, everyone is null);
            var filter = PeopleQuery.Filter(db, by);
            var plain = await filter.OrderBy(p => p.SortName).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync();
            Assert.Equal(sees.Where(id => ids.IndexOf(id) % 2 == 0).Order(), plain.Order());
            foreach (var desc in new[] { false, true })
            {
                var want = desc ? Enumerable.Reverse(plain).ToList() : plain;
                // Batches of one and of three; counted as it is (few: the walk soon reads the rest from the filter) or said
                // to be past any limit (the whole way walked in batches).
                foreach (var (firstBatch, counted) in new[] { (1, true), (3, true), (1, false), (3, false) })
                {
                    var narrowed = new PeopleBoard.Narrowed(PeopleQuery.FilteredCountCap + 1, PeopleQuery.Filter(db, by, perPerson: true),
                        counted ? (upTo, ct) => filter.Take(upTo).CountAsync(ct) : (upTo, _) => Task.FromResult(upTo), FirstBatch: firstBatch, Everyone: everyone);
                    var (forward, pages) = (new List<long>(), new List<PeopleBoard.KeysetPage>());
                    string? after = null;
                    do
                    {
                        var page = await PeopleBoard.PageAsync(db, filter, PeopleSort.Name, desc, after, null, 2, narrowed, CancellationToken.None);
                        pages.Add(page);
                        forward.AddRange(page.Ids);
                        after = page.Next;
                    }
                    while (after is not null && pages.Count < 40);

                    Assert.Equal(want, forward);
                    // Back from the last page: the page before it is the one read before it.
                    if (pages.Count > 1)
                    {
                        var back = await PeopleBoard.PageAsync(db, filter, PeopleSort.Name, desc, null, pages[^1].Previous, 2, narrowed, CancellationToken.None);
                        Assert.Equal(pages[^2].Ids, back.Ids);
                    }
                }
            }
        }
    }

    /// <summary>The next-deadline order read from each person's stored next deadline (the protection row's, kept by the
    /// recompute) gives the same pages, forward and reversed, as the plain read (each person's earliest open deadline
    /// from the deadline rows, nulls last, ties by id): unfiltered, for one facility and for one lawyer, read in one
    /// statement or in batches, for an admin, the coordinating organisation's viewer and a partner's viewer.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NextDeadline_FromTheStoredNextDue_SamePagesAsThePlainReadForEveryReader(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
        var facility = await db.Facilities.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        var ids = new List<long>();
        for (var i = 0; i < 36; i++)
        {
            ids.Add(await ReviewServiceTests.AddPersonAsync(db, "Person", $"D{i:D2}", new DateOnly(1980, 1, 1)));
            // Days repeat (ties); every fourth person none, every fifth only a met one.
            if (i % 4 != 0)
            {
                var day = new DateOnly(2027, 3, 1).AddDays(i % 6);
                db.Deadlines.Add(new PersonDeadline { PersonId = ids[^1], RuleId = "manual", Manual = true, Title = "Brief", DueDate = day, State = i % 5 == 0 ? "Met" : "Open", Citation = "" });
                db.Deadlines.Add(new PersonDeadline { PersonId = ids[^1], RuleId = "manual", Manual = true, Title = "Reply", DueDate = day.AddDays(-2), State = "Met", Citation = "" });
            }

            if (i % 3 == 0)
            {
                db.Assignments.Add(new Assignment(ids[^1], attorney, new DateOnly(2027, 1, 1)));
            }
        }

        await db.SaveChangesAsync();
        var home = await db.Organisations.Where(o => o.IsCoordinating).Select(o => o.Id).SingleAsync();
        var (b, error) = await OrganisationService.AddAsync(db, "Partner B", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Null(error);
        // Test set-up outside any reader's scope (not a scoped query): half the people at one facility, a third to the partner.
        var atFacility = ids.Where((_, i) => i % 2 == 0).ToList();
        var toB = ids.Where((_, i) => i % 3 == 1 || i % 9 == 0).ToList();
        await db.People.IgnoreQueryFilters().Where(p => atFacility.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CurrentFacilityId, facility));
        await db.People.IgnoreQueryFilters().Where(p => toB.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, b!.Id));

        foreach (var reader in new[] { Visibility.For(home, coordinatingAdmin: true), Visibility.For(home, coordinatingAdmin: false), Visibility.For(b!.Id, coordinatingAdmin: false) })
        {
            db.ScopeTo(reader);
            foreach (var by in new PeopleFilter?[] { null, new PeopleFilter { FacilityId = facility }, new PeopleFilter { AttorneyId = attorney } })
            {
                var filter = PeopleQuery.Filter(db, by ?? new PeopleFilter());
                var plain = (await filter.Select(p => new
                {
                    p.Id,
                    Due = db.Deadlines.Where(d => d.PersonId == p.Id && d.State == "Open" && d.DueDate != null).Min(d => d.DueDate),
                }).ToListAsync())
                    .OrderBy(x => x.Due is null).ThenBy(x => x.Due).ThenBy(x => x.Id).Select(x => x.Id).ToList();
                Assert.NotEmpty(plain);
                foreach (var desc in new[] { false, true })
                {
                    var want = desc ? Enumerable.Reverse(plain).ToList() : plain;
                    // As the page reads them too: a filter's few driven from its people scoped explicitly (Seen), and the
                    // walk's batches sieved by the lawyer's assignments below the scoping (Among) before the scoped check.
                    var seenPeople = by is null ? null : PeopleQuery.Filter(db, by, people: db.PeopleSeenBy(db.Visibility));
                    Func<List<long>, CancellationToken, Task<List<long>>>? among = by?.AttorneyId is { } lawyer ? (batch, ct) => PeopleQuery.LawyersAmongAsync(db, lawyer, batch, ct) : null;
                    PeopleBoard.Narrowed?[] ways = by is null
                        ? [null]
                        :
                        [
                            new PeopleBoard.Narrowed(plain.Count, PeopleQuery.Filter(db, by, perPerson: true), (upTo, ct) => filter.Take(upTo).CountAsync(ct)),
                            new PeopleBoard.Narrowed(PeopleQuery.FilteredCountCap + 1, PeopleQuery.Filter(db, by, perPerson: true), (upTo, _) => Task.FromResult(upTo), FirstBatch: 3),
                            new PeopleBoard.Narrowed(plain.Count, PeopleQuery.Filter(db, by, perPerson: true), (upTo, ct) => filter.Take(upTo).CountAsync(ct), Seen: seenPeople),
                            new PeopleBoard.Narrowed(PeopleQuery.FilteredCountCap + 1, PeopleQuery.Filter(db, by, perPerson: true), (upTo, _) => Task.FromResult(upTo), FirstBatch: 3,
                                Among: among, Seen: seenPeople),
                            new PeopleBoard.Narrowed(PeopleQuery.FilteredCountCap + 1, PeopleQuery.Filter(db, by, perPerson: true), (upTo, ct) => filter.Take(upTo).CountAsync(ct),
                                FirstBatch: 1, Among: among, Seen: seenPeople),
                        ];
                    foreach (var narrowed in ways)
                    {
                        var seen = new List<long>();
                        string? after = null;
                        do
                        {
                            var page = await PeopleBoard.PageAsync(db, filter, PeopleSort.NextDeadline, desc, after, null, 4, narrowed, CancellationToken.None);
                            seen.AddRange(page.Ids);
                            after = page.Next;
                        }
                        while (after is not null && seen.Count <= ids.Count);

                        Assert.Equal(want, seen);
                    }
                }
            }
        }
    }

    /// <summary>People whose protection has not been worked out (no protection row, as for people written around the
    /// app until the recompute of stale people reaches them) come first in the next-deadline order, both ways, whatever
    /// their deadline rows say; paging forward and back reaches everyone exactly once, for every reader and filter, read
    /// in one statement or in batches.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NextDeadline_PeopleNotWorkedOut_FirstBothWaysAndEveryoneOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var facility = await db.Facilities.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        var ids = new List<long>();
        for (var i = 0; i < 22; i++)
        {
            ids.Add(await ReviewServiceTests.AddPersonAsync(db, "Person", $"U{i:D2}", new DateOnly(1980, 1, 1)));
            if (i % 3 != 0)
            {
                db.Deadlines.Add(new PersonDeadline { PersonId = ids[^1], RuleId = "manual", Manual = true, Title = "Brief", DueDate = new DateOnly(2027, 3, 1).AddDays(i % 4), State = "Open", Citation = "" });
            }
        }

        await db.SaveChangesAsync();
        var (b, error) = await OrganisationService.AddAsync(db, "Partner U", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Null(error);
        var home = await db.Organisations.Where(o => o.IsCoordinating).Select(o => o.Id).SingleAsync();
        // Test set-up outside any reader's scope: seven people lose their protection row (one with a deadline tomorrow
        // would otherwise be listed with "no deadline"), half at one facility, a third to the partner.
        var notWorkedOut = ids.Where((_, i) => i % 3 == 1 || i == 0 || i == 20).ToList();
        var atFacility = ids.Where((_, i) => i % 2 == 0).ToList();
        var toB = ids.Where((_, i) => i % 3 == 2 || i % 7 == 0).ToList();
        await db.Protections.IgnoreQueryFilters().Where(pp => notWorkedOut.Contains(pp.PersonId)).ExecuteDeleteAsync();
        await db.People.IgnoreQueryFilters().Where(p => atFacility.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CurrentFacilityId, facility));
        await db.People.IgnoreQueryFilters().Where(p => toB.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, b!.Id));

        foreach (var reader in new[] { Visibility.For(home, coordinatingAdmin: true), Visibility.For(b!.Id, coordinatingAdmin: false) })
        {
            db.ScopeTo(reader);
            foreach (var by in new PeopleFilter?[] { null, new PeopleFilter { FacilityId = facility } })
            {
                var filter = PeopleQuery.Filter(db, by ?? new PeopleFilter());
                var plain = await filter.Select(p => new
                {
                    p.Id,
                    Worked = db.Protections.Any(pp => pp.PersonId == p.Id),
                    Due = db.Deadlines.Where(d => d.PersonId == p.Id && d.State == "Open" && d.DueDate != null).Min(d => d.DueDate),
                }).ToListAsync();
                Assert.Contains(plain, x => !x.Worked && x.Due is not null);
                Assert.Contains(plain, x => x.Worked && x.Due is not null);
                // Not worked out first (by id, reversed when descending), then by the day (no open deadline last ascending,
                // before the days descending).
                var asc = plain.OrderBy(x => !x.Worked ? 0 : x.Due is not null ? 1 : 2).ThenBy(x => x.Worked ? x.Due : null).ThenBy(x => x.Id).Select(x => x.Id).ToList();
                var desc = plain.OrderBy(x => !x.Worked ? 0 : x.Due is null ? 1 : 2).ThenByDescending(x => x.Worked ? x.Due : null).ThenByDescending(x => x.Id).Select(x => x.Id).ToList();
                foreach (var (want, descending) in new[] { (asc, false), (desc, true) })
                {
                    // As the page reads them too: a filter's few driven from its people scoped explicitly (Seen), and the
                    // walk's batches sieved by the lawyer's assignments below the scoping (Among) before the scoped check.
                    var seenPeople = by is null ? null : PeopleQuery.Filter(db, by, people: db.PeopleSeenBy(db.Visibility));
                    Func<List<long>, CancellationToken, Task<List<long>>>? among = by?.AttorneyId is { } lawyer ? (batch, ct) => PeopleQuery.LawyersAmongAsync(db, lawyer, batch, ct) : null;
                    PeopleBoard.Narrowed?[] ways = by is null
                        ? [null]
                        :
                        [
                            new PeopleBoard.Narrowed(plain.Count, PeopleQuery.Filter(db, by, perPerson: true), (upTo, ct) => filter.Take(upTo).CountAsync(ct)),
                            new PeopleBoard.Narrowed(PeopleQuery.FilteredCountCap + 1, PeopleQuery.Filter(db, by, perPerson: true), (upTo, _) => Task.FromResult(upTo), FirstBatch: 3),
                            new PeopleBoard.Narrowed(plain.Count, PeopleQuery.Filter(db, by, perPerson: true), (upTo, ct) => filter.Take(upTo).CountAsync(ct), Seen: seenPeople),
                            new PeopleBoard.Narrowed(PeopleQuery.FilteredCountCap + 1, PeopleQuery.Filter(db, by, perPerson: true), (upTo, _) => Task.FromResult(upTo), FirstBatch: 3,
                                Among: among, Seen: seenPeople),
                            new PeopleBoard.Narrowed(PeopleQuery.FilteredCountCap + 1, PeopleQuery.Filter(db, by, perPerson: true), (upTo, ct) => filter.Take(upTo).CountAsync(ct),
                                FirstBatch: 1, Among: among, Seen: seenPeople),
                        ];
                    foreach (var narrowed in ways)
                    {
                        var pages = new List<PeopleBoard.KeysetPage>();
                        string? after = null;
                        do
                        {
                            pages.Add(await PeopleBoard.PageAsync(db, filter, PeopleSort.NextDeadline, descending, after, null, 3, narrowed, CancellationToken.None));
                            after = pages[^1].Next;
                        }
                        while (after is not null && pages.Count <= ids.Count);

                        Assert.Equal(want, pages.SelectMany(p => p.Ids));

                        // Back from the last page to the first (Previous after Previous): the same rows, each once.
                        var back = new List<long>();
                        var before = pages[^1].Previous;
                        while (before is not null && back.Count <= ids.Count)
                        {
                            var page = await PeopleBoard.PageAsync(db, filter, PeopleSort.NextDeadline, descending, null, before, 3, narrowed, CancellationToken.None);
                            back.InsertRange(0, page.Ids);
                            before = page.Previous;
                        }

                        Assert.Equal(want.Take(want.Count - pages[^1].Ids.Count), back);
                    }
                }
            }
        }
    }

    /// <summary>A lawyer's people are read as ids (checked against the filter, scoped) and, when they are few, each page
    /// is read from those ids (the facilities that hold none skipped): through the page's own query, every order, both
    /// ways, walked forward and back, gives the same pages as the plain read (the filter joined in each statement), for an
    /// admin, the coordinating organisation's viewer and a partner's, with people at two facilities and none, some with a
    /// second lawyer, some not worked out, some without a deadline. In the lawyer order they are all that lawyer's group.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LawyersFew_ReadFromTheirIds_SamePagesAsThePlainReadInEveryOrderForEveryReader(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
        var other = await db.Users.Where(u => u.Email == TestApp.Email("admin")).Select(u => u.Id).SingleAsync();
        var facilities = await db.Facilities.OrderBy(f => f.Id).Select(f => f.Id).Take(2).ToListAsync();
        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await ReviewServiceTests.AddPersonAsync(db, "Person", $"L{i % 11:D2}", i % 7 == 0 ? null : new DateOnly(1980, 1, 1 + i % 5),
                i % 4 == 0 ? null : $"A{100_000_000 + (30 - i) * 3:D9}"));
            if (i % 4 != 0)
            {
                db.Deadlines.Add(new PersonDeadline { PersonId = ids[^1], RuleId = "manual", Manual = true, Title = "Brief", DueDate = new DateOnly(2027, 3, 1).AddDays(i % 5), State = "Open", Citation = "" });
            }

            // Two people in three are the attorney's; every fifth of everyone has the other lawyer too (or only them).
            if (i % 3 != 0)
            {
                db.Assignments.Add(new Assignment(ids[^1], attorney, new DateOnly(2027, 1, 1)));
            }

            if (i % 5 == 0)
            {
                db.Assignments.Add(new Assignment(ids[^1], other, new DateOnly(2027, 1, 1)));
            }
        }

        await db.SaveChangesAsync();
        var home = await db.Organisations.Where(o => o.IsCoordinating).Select(o => o.Id).SingleAsync();
        var (b, error) = await OrganisationService.AddAsync(db, "Partner L", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Null(error);
        // Test set-up outside any reader's scope: people at two facilities and none, a few not worked out (no protection
        // row), about a third to the partner.
        foreach (var (facility, k) in facilities.Select((f, k) => (f, k)))
        {
            var at = ids.Where((_, i) => i % 3 == k).ToList();
            await db.People.IgnoreQueryFilters().Where(p => at.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CurrentFacilityId, facility));
        }

        var notWorkedOut = ids.Where((_, i) => i % 8 == 1).ToList();
        var toB = ids.Where((_, i) => i % 3 == 1 || i % 10 == 0).ToList();
        await db.Protections.IgnoreQueryFilters().Where(pp => notWorkedOut.Contains(pp.PersonId)).ExecuteDeleteAsync();
        await db.People.IgnoreQueryFilters().Where(p => toB.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, b!.Id));

        var by = new PeopleFilter { AttorneyId = attorney };
        foreach (var reader in new[] { Visibility.For(home, coordinatingAdmin: true), Visibility.For(home, coordinatingAdmin: false), Visibility.For(b!.Id, coordinatingAdmin: false) })
        {
            db.ScopeTo(reader);
            var theirs = await PeopleQuery.Filter(db, by).Select(p => p.Id).ToListAsync();
            Assert.InRange(theirs.Count, 5, 20);
            foreach (var sort in new[] { PeopleSort.Name, PeopleSort.ANumber, PeopleSort.BirthDate, PeopleSort.Newest, PeopleSort.Protection, PeopleSort.NextDeadline, PeopleSort.Lawyer, PeopleSort.Facility })
            {
                foreach (var desc in new[] { false, true })
                {
                    var what = $"{reader.OrganisationId}/{reader.All} {sort}{(desc ? " desc" : "")}";
                    // The plain read: the filter joined in each statement.
                    var want = new List<long>();
                    string? next = null;
                    do
                    {
                        var page = await PeopleBoard.PageAsync(db, PeopleQuery.Filter(db, by), sort, desc, next, null, 3, null, CancellationToken.None);
                        want.AddRange(page.Ids);
                        next = page.Next;
                    }
                    while (next is not null && want.Count <= ids.Count);

                    Assert.Equal(theirs.Order(), want.Order());
                    if (sort == PeopleSort.Lawyer)
                    {
                        // One lawyer's people sorted by lawyer are all listed under that lawyer (by id), those with a second
                        // lawyer earlier by name too: not under the first by name, as in the whole list.
                        Assert.NotEqual(theirs.Order(), want);
                        want = desc ? theirs.OrderDescending().ToList() : theirs.Order().ToList();
                    }

                    var pages = new List<PeoplePage>();
                    do
                    {
                        pages.Add(await PeopleQuery.RunAsync(db, by with { Sort = sort, Desc = desc, PageSize = 3, After = pages.LastOrDefault()?.After }, CancellationToken.None));
                        Assert.Equal(theirs.Count, pages[^1].Total);
                    }
                    while (pages[^1].After is not null && pages.Count <= ids.Count);

                    Assert.True(want.SequenceEqual(pages.SelectMany(p => p.Rows.Select(r => r.Id))), what);

                    // Back from the last page (Previous after Previous): the same rows, each once.
                    var back = new List<long>();
                    var before = pages[^1].Before;
                    while (before is not null && back.Count <= ids.Count)
                    {
                        var page = await PeopleQuery.RunAsync(db, by with { Sort = sort, Desc = desc, PageSize = 3, Before = before }, CancellationToken.None);
                        back.InsertRange(0, page.Rows.Select(r => r.Id));
                        before = page.Before;
                    }

                    Assert.True(want.Take(want.Count - pages[^1].Rows.Count).SequenceEqual(back), what + " back");
                }
            }
        }
    }

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial Regex NextPattern();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"prev\">")]
    private static partial Regex PreviousPattern();

    [GeneratedRegex("href=\"/People/Details\\?id=(\\d+)\"")]
    private static partial Regex RowPattern();
}
