using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Infrastructure;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Data;

/// <summary>
/// After an upgrade that changed how names are keyed, the name index is rebuilt before anything is served: people
/// saved under the old rules are found by a spelling variant again (a SQLite file, or PostgreSQL by `db migrate`), and
/// a PostgreSQL web node that may not change the database refuses to start until it is.
/// </summary>
public sealed class NameIndexVersionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IndexFromAnotherBuild_IsRebuiltWhereTheSchemaIsChanged_AndANodeThatMayNotRefuses(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var added = await TestApp.PostFormAsync(admin, "/People/Edit", "/People/Edit", new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Yousif",
            ["Input.FamilyName"] = "Kassab",
            ["Input.BirthDatePrecision"] = "Exact",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(PersonSearch.KeysFingerprint, await StoredAsync(app));
        Assert.True(await FoundAsync(admin), "a spelling variant finds him on a current index");

        // What an older build left: its own fingerprint and an index this build's searches do not read the same way
        // (here: none at all, the extreme case).
        await MarkIndexFromAnotherBuildAsync(app);
        Assert.False(await FoundAsync(admin), "the stale index misses him (what the rebuild is for)");

        if (provider == "postgres")
        {
            // A web node that may not change the database says what to run, and changes nothing.
            var refused = await Assert.ThrowsAsync<DatabaseSetup.NotMigratedException>(() => DatabaseSetup.EnsureReadyAsync(app.Services, migrate: false));
            Assert.Contains("./stayline db migrate", refused.Message, StringComparison.Ordinal);
            Assert.Equal("from-an-older-build", await StoredAsync(app));
            await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: true);
        }
        else
        {
            // A SQLite file is always brought up to date at start.
            await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: false);
        }

        Assert.Equal(PersonSearch.KeysFingerprint, await StoredAsync(app));
        Assert.True(await FoundAsync(admin), "the rebuilt index finds him by the spelling variant again");
    }

    [Fact]
    public void Fingerprint_IsStableWithinABuild_AndNamesWhatItHashes()
    {
        Assert.Equal(32, PersonSearch.KeysFingerprint.Length);
        Assert.Matches("^[0-9a-f]+$", PersonSearch.KeysFingerprint);
    }

    private static async Task<bool> FoundAsync(HttpClient admin) =>
        await admin.GetStringAsync("/People?Q=Yusif") is var page
        && page.Contains("Yousif Kassab", StringComparison.Ordinal) && !page.Contains("0 people found.", StringComparison.Ordinal);

    private static async Task<string?> StoredAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        return await db.DerivedVersions.AsNoTracking().Where(v => v.Kind == DerivedVersion.NameKeys).Select(v => v.Value).SingleOrDefaultAsync();
    }

    private static async Task MarkIndexFromAnotherBuildAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        await db.NameTokens.ExecuteDeleteAsync();
        await db.NameKeys.ExecuteDeleteAsync();
        await db.DerivedVersions.Where(v => v.Kind == DerivedVersion.NameKeys).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, "from-an-older-build"));
    }
}
