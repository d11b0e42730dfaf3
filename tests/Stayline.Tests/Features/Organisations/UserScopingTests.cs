using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Features.Account;
using Stayline.Features.Bulk;
using Stayline.Features.Organisations;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Organisations;

/// <summary>Users belong to an organisation too: a partner's admin manages only its own team, and nobody is assigned a
/// client their organisation cannot open.</summary>
public sealed class UserScopingTests
{
    private const string PartnerAdmin = "b-admin@test.stayline";
    private const string PartnerAttorney = "b-attorney@test.stayline";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PartnerAdmin_SeesAndEditsOnlyItsOwnUsers(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedPartnerAsync(app);
        var coordinatingAttorney = await UserIdAsync(app, "attorney@test.stayline");
        var ownAttorney = await UserIdAsync(app, PartnerAttorney);
        var partner = await ScopingRouteTableTests.SignedInAsync(app, PartnerAdmin);

        var team = await partner.GetStringAsync("/Users");
        Assert.Contains(PartnerAttorney, team, StringComparison.Ordinal);
        Assert.DoesNotContain("attorney@test.stayline\"", team.Replace(PartnerAttorney, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(coordinatingAttorney, team, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/Users/Edit?id={ownAttorney}")).StatusCode);

        var edit = await partner.GetAsync($"/Users/Edit?id={coordinatingAttorney}");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var ownForm = await partner.GetStringAsync($"/Users/Edit?id={ownAttorney}");
        var post = await partner.PostAsync($"/Users/Edit?id={coordinatingAttorney}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Taken over",
            ["Input.Role"] = Roles.Viewer,
            ["Input.Disabled"] = "true",
            ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(ownForm),
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var untouched = await db.Users.AsNoTracking().SingleAsync(u => u.Id == coordinatingAttorney);
        Assert.False(untouched.Disabled);
        Assert.NotEqual("Taken over", untouched.DisplayName);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssignAttorney_OfAnOrganisationThatCannotSeeThePerson_IsSkippedUntilShared(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var partnerOrg = await SeedPartnerAsync(app);
        var attorney = await UserIdAsync(app, PartnerAttorney);
        long person;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (p, errors) = Person.Create(new PersonInput("A012345678", "Yousif", "Kassab", null, null, BirthDatePrecision.Unknown, "Iraq", null, false, null),
                new DateOnly(2017, 7, 31), DateTimeOffset.UnixEpoch);
            Assert.Empty(errors);
            db.People.Add(p!);
            await db.SaveChangesAsync();
            person = p!.Id;
        }

        var action = new BulkAction(BulkActionKind.AssignAttorney, AttorneyId: attorney);
        await using (var scope = app.Scope())
        {
            var bulk = scope.ServiceProvider.GetRequiredService<BulkActions>();
            var preview = await bulk.PreviewAsync(new BulkSelection([person]), action);
            Assert.Empty(preview.Change);
            var skip = Assert.Single(preview.Skipped);
            Assert.Contains("cannot see this person", skip.Reason, StringComparison.Ordinal);
        }

        var admin = app.Api(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/people/{person}/shares", new { organisationId = partnerOrg })).StatusCode);
        await using (var scope = app.Scope())
        {
            var bulk = scope.ServiceProvider.GetRequiredService<BulkActions>();
            var preview = await bulk.PreviewAsync(new BulkSelection([person]), action);
            Assert.Equal(person, Assert.Single(preview.Change).PersonId);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreatePerson_WithTheANumberOfAnotherOrganisationsClient_IsRefusedNamingTheOrganisationNotThePerson(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedPartnerAsync(app);
        var mine = await app.Api(Roles.Attorney).PostAsJsonAsync("/api/v1/people", new { aNumber = "A087654321", givenName = "Sabah", familyName = "Yaldo" });
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        var partner = await ScopingRouteTableTests.ApiAsync(app, PartnerAttorney);

        var second = await partner.PostAsJsonAsync("/api/v1/people", new { aNumber = "087-654-321", givenName = "Sabah", familyName = "Yaldo" });

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var body = await second.Content.ReadAsStringAsync();
        Assert.Contains("already belongs to a client of", body, StringComparison.Ordinal);
        Assert.Contains("ask that organisation to share the person", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Yaldo", body, StringComparison.Ordinal);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        Assert.Equal(1, await db.People.CountAsync(p => p.ANumber == "087654321"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ByAPartner_OfAnotherOrganisationsANumber_NamesTheRowAndWritesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var partnerOrg = await SeedPartnerAsync(app);
        Assert.Equal(HttpStatusCode.Created,
            (await app.Api(Roles.Attorney).PostAsJsonAsync("/api/v1/people", new { aNumber = "A087654321", givenName = "Sabah", familyName = "Yaldo" })).StatusCode);
        var file = Path.Combine(Path.GetTempPath(), $"stayline-partner-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "a_number,given_name,family_name\nA012121212,Nadia,Jarjees\nA087654321,Sabah,Yaldo\n");

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        db.ScopeTo(Visibility.For(partnerOrg, coordinatingAdmin: false));
        var report = await scope.ServiceProvider.GetRequiredService<Stayline.Features.Import.ImportService>()
            .RunAsync(file, new Stayline.Features.Import.ImportOptions { FileName = "partner.csv", OrganisationId = partnerOrg });

        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("belongs to a client of", error.Message, StringComparison.Ordinal);
        db.ScopeTo(Visibility.Everyone);
        Assert.False(await db.People.AnyAsync(p => p.GivenName == "Nadia"));
        File.Delete(file);
    }

    private static async Task<long> SeedPartnerAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var (partner, error) = await OrganisationService.AddAsync(db, "Partner B", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Null(error);
        Assert.Null(await UserCommands.CreateUserAsync(app.Services, PartnerAdmin, "Partner admin", Roles.Admin, TestApp.Password, "Partner B"));
        Assert.Null(await UserCommands.CreateUserAsync(app.Services, PartnerAttorney, "Partner attorney", Roles.Attorney, TestApp.Password, "Partner B"));
        return partner!.Id;
    }

    private static async Task<string> UserIdAsync(TestApp app, string email)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        return await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
    }
}
