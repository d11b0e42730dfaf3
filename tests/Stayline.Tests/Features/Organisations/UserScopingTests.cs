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
