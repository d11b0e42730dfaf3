using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Infrastructure;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Account;

public partial class TokenTests
{
    private static async Task<long> TokenIdAsync(TestApp app, string role)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var hash = ApiTokens.Hash(app.Tokens[role]);
        return await db.ApiTokens.Where(t => t.TokenHash == hash).Select(t => t.Id).SingleAsync();
    }

    private static Task<HttpResponseMessage> RevokeAsync(HttpClient client, long id) =>
        TestApp.PostFormAsync(client, "/Account/Tokens", $"/Account/Tokens?handler=Revoke&id={id}", new Dictionary<string, string>());

    [Fact]
    public async Task TokensPage_UserSeesAndRevokesOwnOnly_RefusedAtOnce()
    {
        await using var app = await TestApp.StartAsync();
        var attorney = await app.SignedInAsync("attorney");
        Assert.Equal(HttpStatusCode.OK, (await app.Api("attorney").GetAsync("/api/v1/people")).StatusCode); // cached now
        var page = await attorney.GetStringAsync("/Account/Tokens");
        Assert.Single(RevokeButton().Matches(page));
        Assert.DoesNotContain(TestApp.Email("admin"), page);

        await RevokeAsync(attorney, await TokenIdAsync(app, "admin"));
        await RevokeAsync(attorney, await TokenIdAsync(app, "attorney"));

        Assert.Equal(HttpStatusCode.OK, (await app.Api("admin").GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api("attorney").GetAsync("/api/v1/people")).StatusCode);
        Assert.Contains("Revoked", await attorney.GetStringAsync("/Account/Tokens"));
    }

    [Fact]
    public async Task TokensPage_AdminRevokesAnyonesToken()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetStringAsync("/Account/Tokens");
        Assert.Equal(Roles.All.Count, RevokeButton().Matches(page).Count);
        Assert.Contains(TestApp.Email("viewer"), page);

        await RevokeAsync(admin, await TokenIdAsync(app, "viewer"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api("viewer").GetAsync("/api/v1/people")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Revoke_OnNodeA_RefusedOnNodeBWithinTheCacheBound(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var a = await TestApp.StartAsync(provider, clock);
        await using var b = await TestApp.StartSecondNodeAsync(a, clock);
        Assert.Equal(HttpStatusCode.OK, (await b.Api("intake").GetAsync("/api/v1/people")).StatusCode);

        await RevokeAsync(await a.SignedInAsync("intake"), await TokenIdAsync(a, "intake"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await a.Api("intake").GetAsync("/api/v1/people")).StatusCode);
        clock.Advance(ApiTokens.CacheFor + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await b.Api("intake").GetAsync("/api/v1/people")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RoleChange_OnNodeA_TokenLosesRightsOnNodeBWithinTheCacheBound(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var a = await TestApp.StartAsync(provider, clock);
        await using var b = await TestApp.StartSecondNodeAsync(a, clock);
        var person = new { aNumber = "A012345678", givenName = "Yousif", familyName = "Kassab", birthDate = "1971-03-02" };
        Assert.Equal(HttpStatusCode.Created, (await b.Api("attorney").PostAsync("/api/v1/people", Json(person))).StatusCode);

        await AuthClients.AdminEditsAsync(a, await a.SignedInAsync("admin"), "attorney", "viewer");
        clock.Advance(ApiTokens.CacheFor + TimeSpan.FromSeconds(1));

        var again = new { aNumber = "A012345679", givenName = "Amal", familyName = "Kassab", birthDate = "1975-03-02" };
        Assert.Equal(HttpStatusCode.Forbidden, (await b.Api("attorney").PostAsync("/api/v1/people", Json(again))).StatusCode);
    }

    [Fact]
    public async Task Cli_TokenListAndRevoke()
    {
        await using var app = await TestApp.StartAsync();
        var db = app.Database.ConnectionString;
        var list = new StringWriter();
        Assert.Equal(0, await StaylineCli.RunAsync(["token", "list", "--email", TestApp.Email("intake"), "--db", db], list, new StringWriter()));
        var id = await TokenIdAsync(app, "intake");
        Assert.Contains($"{id}\t{TestApp.Email("intake")}\tcli\t", list.ToString());
        Assert.DoesNotContain(TestApp.Email("admin"), list.ToString());

        var output = new StringWriter();
        Assert.Equal(0, await StaylineCli.RunAsync(["token", "revoke", "--id", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db], output, new StringWriter()));
        var error = new StringWriter();
        Assert.Equal(1, await StaylineCli.RunAsync(["token", "revoke", "--db", db], new StringWriter(), error));
        var all = new StringWriter();
        Assert.Equal(0, await StaylineCli.RunAsync(["token", "revoke", "--email", TestApp.Email("viewer"), "--db", db], all, new StringWriter()));

        Assert.Contains("Revoked 1 token. Servers refuse it within", output.ToString());
        Assert.Contains("Give either --id", error.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api("intake").GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api("viewer").GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api("attorney").GetAsync("/api/v1/people")).StatusCode);
    }

    private static StringContent Json(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex("handler=Revoke")]
    private static partial Regex RevokeButton();
}
