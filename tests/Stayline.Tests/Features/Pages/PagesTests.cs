using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.People;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Pages;

public class PagesTests
{
    private static async Task<long> AddPersonAsync(TestApp app)
    {
        var response = await app.Api("admin").PostAsJsonAsync("/api/v1/people", new { aNumber = "A012345678", givenName = "Yousif", familyName = "Kassab", birthDate = "1971-03-02" });
        return (await response.Content.ReadFromJsonAsync<PersonDto>(PeopleApiTests.Json))!.Id;
    }

    [Theory]
    [InlineData("viewer", "/People", HttpStatusCode.OK)]
    [InlineData("viewer", "/People/Edit", HttpStatusCode.Redirect)]
    [InlineData("intake", "/People/Edit", HttpStatusCode.OK)]
    [InlineData("intake", "/Matters/Edit?personId=PID", HttpStatusCode.Redirect)]
    [InlineData("attorney", "/Matters/Edit?personId=PID", HttpStatusCode.OK)]
    [InlineData("attorney", "/Audit", HttpStatusCode.Redirect)]
    [InlineData("admin", "/Audit", HttpStatusCode.OK)]
    [InlineData("attorney", "/Facilities/Edit", HttpStatusCode.Redirect)]
    [InlineData("admin", "/Facilities/Edit", HttpStatusCode.OK)]
    [InlineData("viewer", "/People/Details?id=PID", HttpStatusCode.OK)]
    [InlineData("viewer", "/Custody/Record?personId=PID", HttpStatusCode.Redirect)]
    [InlineData("viewer", "/Users", HttpStatusCode.OK)]
    [InlineData("attorney", "/Users/Edit?id=x", HttpStatusCode.Redirect)]
    public async Task Pages_AllowedAndDeniedByRole(string role, string path, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync();
        var id = await AddPersonAsync(app);
        var client = await app.SignedInAsync(role);
        var response = await client.GetAsync(path.Replace("PID", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Pages_WhenSignedOut_RedirectToLoginAndHealthAnswers()
    {
        await using var app = await TestApp.StartAsync();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var people = await client.GetAsync("/People");
        Assert.Equal(HttpStatusCode.Redirect, people.StatusCode);
        Assert.StartsWith("/Account/Login", people.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Contains("\"openapi\"", await client.GetStringAsync("/openapi/v1.json"));
    }

    [Fact]
    public async Task Login_WithNoUsers_SaysHowToCreateTheFirstAdmin()
    {
        await using var app = await TestApp.StartAsync();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            await db.ApiTokens.ExecuteDeleteAsync();
            await db.UserRoles.ExecuteDeleteAsync();
            await db.Users.ExecuteDeleteAsync();
        }

        var html = await new HttpClient { BaseAddress = app.BaseAddress }.GetStringAsync("/Account/Login");
        Assert.Contains("./stayline user add --email you@example.org --role admin", html);
    }

    [Fact]
    public async Task PrivilegedNote_IsHiddenFromIntakeAndViewer()
    {
        await using var app = await TestApp.StartAsync();
        var id = await AddPersonAsync(app);
        var attorney = await app.SignedInAsync("attorney");
        var page = $"/People/Details?id={id}";
        var posted = await TestApp.PostFormAsync(attorney, page, $"/People/Details?id={id}&handler=Note",
            new Dictionary<string, string> { ["NoteText"] = "Client fears the militia that killed his cousin.", ["NotePrivileged"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await TestApp.PostFormAsync(attorney, page, $"/People/Details?id={id}&handler=Note", new Dictionary<string, string> { ["NoteText"] = "Sister called the hotline." });

        Assert.Contains("killed his cousin", await (await app.SignedInAsync("admin")).GetStringAsync(page));
        Assert.Contains("killed his cousin", await attorney.GetStringAsync(page));
        foreach (var role in new[] { "intake", "viewer" })
        {
            var html = await (await app.SignedInAsync(role)).GetStringAsync(page);
            Assert.DoesNotContain("killed his cousin", html);
            Assert.Contains("Sister called the hotline.", html);
        }
    }

    [Fact]
    public async Task EditPage_StaleEdit_ShowsConflictAndKeepsTheFirstChange()
    {
        await using var app = await TestApp.StartAsync();
        var id = await AddPersonAsync(app);
        var first = await app.SignedInAsync("attorney");
        var second = await app.SignedInAsync("intake");
        var url = $"/People/Edit?id={id}";
        var formFirst = await first.GetStringAsync(url);
        var formSecond = await second.GetStringAsync(url);
        Dictionary<string, string> Fields(string given, string html) => new()
        {
            ["Input.ANumber"] = "A012345678",
            ["Input.GivenName"] = given,
            ["Input.FamilyName"] = "Kassab",
            ["Input.BirthDate"] = "1971-03-02",
            ["Input.BirthDatePrecision"] = "Exact",
            ["Input.Version"] = "0",
            ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(html),
        };

        var ok = await first.PostAsync(url, new FormUrlEncodedContent(Fields("Yousef", formFirst)));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stale = await second.PostAsync(url, new FormUrlEncodedContent(Fields("Youssef", formSecond)));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else saved a change to this record while you were editing it", await stale.Content.ReadAsStringAsync());
        await using var scope = app.Scope();
        Assert.Equal("Yousef", await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().People.Where(p => p.Id == id).Select(p => p.GivenName).SingleAsync());
    }

    [Fact]
    public async Task EditPage_Particulars_SavedShownOnThePersonPageAndInTheApi()
    {
        await using var app = await TestApp.StartAsync();
        var id = await AddPersonAsync(app);
        var web = await app.SignedInAsync("intake");
        var url = $"/People/Edit?id={id}";
        var saved = await TestApp.PostFormAsync(web, url, url, new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Yousif",
            ["Input.FamilyName"] = "Kassab",
            ["Input.BirthPlace"] = "Tel Keppe",
            ["Input.FatherName"] = "  Hanna ",
            ["Input.Phone"] = "+1 586 555 0100",
            ["Input.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await web.GetStringAsync($"/People/Details?id={id}");
        Assert.Contains("<dt>Father&#x27;s name</dt><dd dir=\"auto\">Hanna</dd>", page);
        Assert.Contains("<dt>Place of birth</dt><dd dir=\"auto\">Tel Keppe</dd>", page);
        Assert.DoesNotContain("<dt>Mother&#x27;s name</dt>", page);
        var dto = await app.Api("viewer").GetFromJsonAsync<Stayline.Features.People.PersonDto>($"/api/v1/people/{id}", Stayline.Tests.Features.People.PeopleApiTests.Json);
        Assert.Equal(("Tel Keppe", "Hanna", (string?)null, "+1 586 555 0100"), (dto!.BirthPlace, dto.FatherName, dto.MotherName, dto.Phone));

        // A client that does not know the particulars updates the person: they are kept; "" clears one.
        var api = app.Api("admin");
        (await api.PutAsJsonAsync($"/api/v1/people/{id}", new { givenName = "Yousif", familyName = "Kassab", version = dto.Version })).EnsureSuccessStatusCode();
        var kept = await api.GetFromJsonAsync<Stayline.Features.People.PersonDto>($"/api/v1/people/{id}", Stayline.Tests.Features.People.PeopleApiTests.Json);
        Assert.Equal(("Tel Keppe", "Hanna", "+1 586 555 0100"), (kept!.BirthPlace, kept.FatherName, kept.Phone));
        (await api.PutAsJsonAsync($"/api/v1/people/{id}", new { givenName = "Yousif", familyName = "Kassab", fatherName = "", version = kept.Version })).EnsureSuccessStatusCode();
        var cleared = await api.GetFromJsonAsync<Stayline.Features.People.PersonDto>($"/api/v1/people/{id}", Stayline.Tests.Features.People.PeopleApiTests.Json);
        Assert.Equal(("Tel Keppe", (string?)null, "+1 586 555 0100"), (cleared!.BirthPlace, cleared.FatherName, cleared.Phone));

        var tooLong = await TestApp.PostFormAsync(web, url, url, new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Yousif",
            ["Input.FamilyName"] = "Kassab",
            ["Input.City"] = new string('x', 201),
            ["Input.Version"] = cleared.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("City is longer than 200 characters.", await tooLong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PeopleList_FiltersSortsAndPages()
    {
        await using var app = await TestApp.StartAsync();
        var api = app.Api("admin");
        for (var i = 0; i < 60; i++)
        {
            var r = await api.PostAsJsonAsync("/api/v1/people", new { aNumber = $"A2{i:D8}", givenName = $"Name{i:D2}", familyName = i % 2 == 0 ? "Jarbo" : "Al-Jaburi" });
            r.EnsureSuccessStatusCode();
        }

        var html = await (await app.SignedInAsync("viewer")).GetStringAsync("/People?Q=jarbo&Sort=Name&Desc=true");
        Assert.Contains("30 people found.", html);
        Assert.True(html.IndexOf("Name58 Jarbo", StringComparison.Ordinal) < html.IndexOf("Name00 Jarbo", StringComparison.Ordinal));
        var page2 = (await api.GetFromJsonAsync<PeoplePage>("/api/v1/people?pageSize=50&page=2&sort=ANumber", PeopleApiTests.Json))!;
        Assert.Equal(10, page2.Rows.Count);
        Assert.Equal("200000050", page2.Rows[0].ANumber);
        var aljaburi = (await api.GetFromJsonAsync<PeoplePage>("/api/v1/people?q=al%20jab", PeopleApiTests.Json))!;
        Assert.Equal(30, aljaburi.Total);
    }

    [Fact]
    public async Task UsersPage_AdminDisablesAUser_TheirTokenStopsWorking()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        string viewerId;
        await using (var scope = app.Scope())
        {
            viewerId = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Users.Where(u => u.Email == TestApp.Email("viewer")).Select(u => u.Id).SingleAsync();
        }

        var url = $"/Users/Edit?id={viewerId}";
        var saved = await TestApp.PostFormAsync(admin, url, url, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Locked Viewer",
            ["Input.Role"] = "viewer",
            ["Input.Disabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api("viewer").GetAsync("/api/v1/people")).StatusCode);
        Assert.Contains("Locked Viewer", await admin.GetStringAsync("/Users"));
    }
    [Fact]
    public async Task UsersEdit_BarAdmissionsComeFromTheProfile_TheOldFreeTextNoteIsShownUntilCleared()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        string attorneyId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var attorney = await db.Users.SingleAsync(u => u.Email == TestApp.Email("attorney"));
            attorney.BarAdmissions = "MI, NY; 6th Cir.";
            db.BarAdmissions.Add(Stayline.Domain.Board.BarAdmission.Create(attorney.Id, Stayline.Domain.Board.AdmissionKind.FederalDistrict, "E.D. Mich.", null, null).Admission!);
            db.BarAdmissions.Add(Stayline.Domain.Board.BarAdmission.Create(attorney.Id, Stayline.Domain.Board.AdmissionKind.StateBar, "MI", "P81234", null).Admission!);
            await db.SaveChangesAsync();
            attorneyId = attorney.Id;
        }

        var url = $"/Users/Edit?id={attorneyId}";
        var form = await admin.GetStringAsync(url);
        Assert.Contains("E.D. Mich.; MI bar", form, StringComparison.Ordinal);
        Assert.Contains("Old note, typed before admissions were recorded one by one: <q dir=\"auto\">MI, NY; 6th Cir.</q>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.BarAdmissions\"", form, StringComparison.Ordinal);
        var team = await admin.GetStringAsync("/Users");
        Assert.Contains("E.D. Mich.; MI bar<span class=\"muted\">; old note: MI, NY; 6th Cir.</span>", team, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["Input.DisplayName"] = "Test attorney", ["Input.Role"] = "attorney" };
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(admin, url, url, fields)).StatusCode);
        Assert.Contains("MI, NY; 6th Cir.", await admin.GetStringAsync(url), StringComparison.Ordinal); // kept until cleared
        fields["Input.ClearOldBarNote"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(admin, url, url, fields)).StatusCode);
        Assert.DoesNotContain("Old note", await admin.GetStringAsync(url), StringComparison.Ordinal);
    }
}
