using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Features.People;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>The people list as a triage board: protection, next deadline, lawyer and facility columns, each sortable
/// (paged by key), name searches closest first with the score shown, chosen columns and saved views.</summary>
public class PeopleBoardTests
{
    private static readonly DateOnly Day = new(2027, 3, 1);

    /// <summary>Six people: protection, deadlines, lawyers and facilities set so that each sort has one right order.</summary>
    private static async Task<Dictionary<string, long>> SeedAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var names = new[] { "Amal", "Basil", "Dina", "Fadi", "Huda", "Karim" };
        var ids = new Dictionary<string, long>();
        foreach (var n in names)
        {
            ids[n] = await ReviewServiceTests.AddPersonAsync(db, n, "Toma", new DateOnly(1980, 1, 1));
        }

        var facilities = await db.Facilities.OrderBy(f => f.Name).Select(f => f.Id).Take(2).ToListAsync();
        var attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
        var admin = await db.Users.Where(u => u.Email == TestApp.Email("admin")).Select(u => u.Id).SingleAsync();
        await db.Users.Where(u => u.Id == attorney).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Aaron Attorney"));
        await db.Users.Where(u => u.Id == admin).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Zoe Admin"));
        await db.Protections.ExecuteDeleteAsync();
        await db.Deadlines.ExecuteDeleteAsync();

        // Facility: Basil and Fadi at the first by name, Dina at the second, the rest nowhere.
        await db.People.Where(p => p.Id == ids["Basil"] || p.Id == ids["Fadi"]).ExecuteUpdateAsync(s => s.SetProperty(p => p.CurrentFacilityId, facilities[0]));
        await db.People.Where(p => p.Id == ids["Dina"]).ExecuteUpdateAsync(s => s.SetProperty(p => p.CurrentFacilityId, facilities[1]));

        // Lawyers: Karim with Aaron, Amal with Zoe and Aaron (listed once, under Aaron), Dina with Zoe.
        db.Assignments.Add(new Assignment(ids["Karim"], attorney, Day));
        db.Assignments.Add(new Assignment(ids["Amal"], admin, Day));
        db.Assignments.Add(new Assignment(ids["Amal"], attorney, Day));
        db.Assignments.Add(new Assignment(ids["Dina"], admin, Day));

        // Protection: Huda not protected, Fadi unknown, Basil until May, Amal until April, Dina open-ended, Karim not worked out.
        void Protect(string who, string state, DateOnly? until) => db.Protections.Add(new PersonProtection
        {
            PersonId = ids[who],
            State = state,
            UntilDate = until,
            Summary = state,
            ComputedAsOf = Day,
        });
        Protect("Huda", "NotProtected", null);
        Protect("Fadi", "Unknown", null);
        Protect("Basil", "Protected", new DateOnly(2027, 5, 1));
        Protect("Amal", "Protected", new DateOnly(2027, 4, 1));
        Protect("Dina", "Protected", null);

        // Deadlines: Dina's earliest open one is 10 March (her later one does not count twice), Karim 5 March,
        // Basil 20 March; Fadi's only deadline is met (not open).
        void Due(string who, DateOnly due, string state = "Open") => db.Deadlines.Add(new PersonDeadline
        {
            PersonId = ids[who],
            RuleId = "manual",
            Manual = true,
            Title = $"Brief for {who}",
            DueDate = due,
            State = state,
            Citation = "",
        });
        Due("Dina", new DateOnly(2027, 3, 10));
        Due("Dina", new DateOnly(2027, 3, 30));
        Due("Karim", new DateOnly(2027, 3, 5));
        Due("Basil", new DateOnly(2027, 3, 20));
        Due("Fadi", new DateOnly(2027, 3, 2), "Met");
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>Every page of a keyset sort, two at a time, following the cursor.</summary>
    private static async Task<List<PersonRow>> AllPagesAsync(HttpClient api, string sort, bool desc = false)
    {
        var rows = new List<PersonRow>();
        string? after = null;
        for (var i = 0; i < 10; i++)
        {
            var url = $"/api/v1/people?sort={sort}&pageSize=2{(desc ? "&desc=true" : "")}{(after is null ? "" : "&after=" + Uri.EscapeDataString(after))}";
            var page = (await api.GetFromJsonAsync<PeoplePage>(url, PeopleApiTests.Json))!;
            Assert.True(page.Keyset);
            Assert.Equal(6, page.Total);
            rows.AddRange(page.Rows);
            after = page.After;
            if (after is null)
            {
                return rows;
            }
        }

        throw new InvalidOperationException("The pages never ended.");
    }

    private static string Given(IEnumerable<PersonRow> rows) => string.Join(" ", rows.Select(r => r.GivenName));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sort_OnEachBoardColumn_EveryPersonOnceInTheColumnsOrder(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        var api = app.Api("viewer");

        Assert.Equal("Huda Fadi Amal Basil Dina Karim", Given(await AllPagesAsync(api, "Protection")));
        // Karim's protection is not worked out yet (no row), so neither is his next deadline (kept in the protection row
        // by the recompute): whatever it is, it may be the earliest, so he comes first, both ways.
        Assert.Equal("Karim Dina Basil Amal Fadi Huda", Given(await AllPagesAsync(api, "NextDeadline")));
        Assert.Equal("Karim Huda Fadi Amal Basil Dina", Given(await AllPagesAsync(api, "NextDeadline", desc: true)));
        Assert.Equal("Amal Karim Dina Basil Fadi Huda", Given(await AllPagesAsync(api, "Lawyer")));
        Assert.Equal("Huda Fadi Basil Dina Karim Amal", Given(await AllPagesAsync(api, "Lawyer", desc: true)));
        var byFacility = await AllPagesAsync(api, "Facility");
        Assert.Equal("Basil Fadi Dina Amal Huda Karim", Given(byFacility));

        var karim = (await AllPagesAsync(api, "NextDeadline")).Single(r => r.GivenName == "Karim");
        Assert.Equal(new DateOnly(2027, 3, 5), karim.Board.NextDue);
        Assert.Equal("Brief for Karim", karim.Board.NextDueTitle);
        Assert.Equal(["Aaron Attorney"], karim.Board.Lawyers);
        var amal = byFacility.Single(r => r.GivenName == "Amal");
        Assert.Equal(("Protected", new DateOnly(2027, 4, 1)), (amal.Board.ProtectionState, amal.Board.ProtectionUntil));
        Assert.Equal(["Aaron Attorney", "Zoe Admin"], amal.Board.Lawyers);
    }

    [Fact]
    public async Task PeoplePage_BoardColumns_ShowProtectionDeadlineLawyerAndFollowNext()
    {
        await using var app = await TestApp.StartAsync();
        await SeedAsync(app);
        var web = await app.SignedInAsync("viewer");

        var html = await web.GetStringAsync("/People?Sort=Protection&PageSize=2");
        Assert.Contains("6 people found.", html);
        Assert.Contains("Not protected", html);
        Assert.DoesNotContain(">NotProtected<", html);
        var next = System.Text.RegularExpressions.Regex.Match(html, "<a href=\"([^\"]+)\" rel=\"next\">");
        Assert.True(next.Success);
        var second = await web.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value));
        Assert.Contains("until 2027-04-01", second);
        Assert.Contains("First page", second);

        var deadlines = await web.GetStringAsync("/People?Sort=NextDeadline");
        // Karim first, his deadline column saying that it is not worked out yet, beside the deadline stored so far.
        var cell = System.Text.RegularExpressions.Regex.Matches(deadlines, "<td data-label=\"Next deadline\">(.*?)</td>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(6, cell.Count);
        Assert.Contains("not worked out yet", cell[0]);
        Assert.Contains("2027-03-05", cell[0]);
        Assert.All(cell.Skip(1), c => Assert.DoesNotContain("not worked out yet", c));
        Assert.Contains("2027-03-05", deadlines);
        Assert.Contains("Brief for Karim", deadlines);
        Assert.Contains("Aaron Attorney", deadlines);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NameSearch_ByDefault_ClosestFirstWithTheScore(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            // In name order Adam Jabouri would come first; the closest to "Yousif Aljabouri" is Yousif Aljabouri himself.
            await ReviewServiceTests.AddPersonAsync(db, "Adam", "Jabouri", new DateOnly(1975, 9, 9));
            await ReviewServiceTests.AddPersonAsync(db, "Basil", "Al Jaburi", new DateOnly(1980, 2, 3));
            await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Aljabouri", new DateOnly(1969, 7, 21));
            await ReviewServiceTests.AddPersonAsync(db, "Yusuf", "Al Jaburi", new DateOnly(1971, 7, 21));
        }

        var api = app.Api("viewer");
        var page = (await api.GetFromJsonAsync<PeoplePage>("/api/v1/people?q=yousif%20aljabouri", PeopleApiTests.Json))!;
        Assert.Equal("Yousif Aljabouri", page.Rows[0].FullName);
        Assert.Equal(1.0, page.Rows[0].Score!.Value, 2);
        Assert.True(page.Rows.Zip(page.Rows.Skip(1)).All(p => p.First.Score >= p.Second.Score), string.Join(", ", page.Rows.Select(r => $"{r.FullName} {r.Score}")));

        var html = await (await app.SignedInAsync("viewer")).GetStringAsync("/People?Q=yousif+aljabouri");
        Assert.Contains(">Match", html);
        Assert.Contains("100%", html);
        Assert.True(html.IndexOf("Yousif Aljabouri", StringComparison.Ordinal) < html.IndexOf("Adam Jabouri", StringComparison.Ordinal) || !html.Contains("Adam Jabouri"));
    }

    [Fact]
    public async Task SaveView_ChosenColumnsAndSort_ListedAndKeptForItsOwnerOnly()
    {
        await using var app = await TestApp.StartAsync();
        await SeedAsync(app);
        var web = await app.SignedInAsync("viewer");

        var chosen = await web.GetStringAsync("/People?Sort=Lawyer&Cols=1&Col=lawyer&Col=protection");
        Assert.Contains(">Lawyer ▲</a>", chosen);
        Assert.Contains(">Protection</a>", chosen);
        Assert.DoesNotContain(">Facility</a>", chosen);
        Assert.DoesNotContain(">Born</a>", chosen);

        var saved = await TestApp.PostFormAsync(web, "/People", "/People?handler=SaveView", new Dictionary<string, string>
        {
            ["name"] = "By lawyer",
            ["query"] = "Sort=Lawyer&Cols=1&Col=lawyer&Col=protection&Page=3",
        });
        Assert.True(saved.IsSuccessStatusCode || saved.StatusCode == HttpStatusCode.Redirect, saved.StatusCode.ToString());
        var list = await web.GetStringAsync("/People");
        var link = System.Text.RegularExpressions.Regex.Match(list, "<a href=\"(/People\\?[^\"]+)\">By lawyer</a>");
        Assert.True(link.Success, "the saved view is listed");
        var url = WebUtility.HtmlDecode(link.Groups[1].Value);
        Assert.DoesNotContain("Page=", url);
        var view = await web.GetStringAsync(url);
        Assert.Contains(">Lawyer ▲</a>", view);
        Assert.DoesNotContain(">Facility</a>", view);

        var other = await (await app.SignedInAsync("attorney")).GetStringAsync("/People");
        Assert.DoesNotContain("By lawyer", other);
    }
}
