using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.People;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

public class VariantSearchTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_VariantSpelling_FindsThePersonAndPrefixSearchStillWorks(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Aljabouri", new DateOnly(1969, 7, 21));
            await ReviewServiceTests.AddPersonAsync(db, "Nadia", "Jarjees", new DateOnly(1965, 1, 20));
        }

        var api = app.Api("viewer");
        async Task<string[]> Find(string q) => (await api.GetFromJsonAsync<PeoplePage>($"/api/v1/people?q={Uri.EscapeDataString(q)}", Json))!
            .Rows.Select(r => r.FullName).ToArray();

        Assert.Equal(["Yousif Aljabouri"], await Find("Yusuf Al Jaburi"));
        Assert.Equal(["Yousif Aljabouri"], await Find("YOUSEF AL-JABOURI"));
        Assert.Equal(["Yousif Aljabouri"], await Find("alja"));
        Assert.Equal(["Nadia Jarjees"], await Find("nad jar"));
        Assert.Empty(await Find("Yusuf Kassab"));
    }

    /// <summary>
    /// Spelling keys come from the key dictionary: a person has exactly the keys of their names. A word whose keys
    /// differ in its name's context ("allah" in Abd Allah, "al" in Al-Rubaie) gives no key of its own, and a key no
    /// single word carries (Abd al-Rahman's) is stored for the person by itself.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_KeyDictionary_ExactlyTheKeysOfTheNames(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            await ReviewServiceTests.AddPersonAsync(db, "Abd al-Rahman", "Kassab", new DateOnly(1970, 1, 2));
            await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Al-Rubaie", new DateOnly(1971, 3, 4));
            await ReviewServiceTests.AddPersonAsync(db, "Ali", "Hermiz", new DateOnly(1972, 5, 6));
            await ReviewServiceTests.AddPersonAsync(db, "Abd Allah", "Toma", new DateOnly(1973, 7, 8));
            var hanna = await ReviewServiceTests.AddPersonAsync(db, "Hanna", "Yaldo", new DateOnly(1960, 3, 3));
            var person = await db.People.Include(p => p.Aliases).SingleAsync(p => p.Id == hanna);
            person.AddAlias("Hana", "Shamoon", "hotline");
            await db.SaveChangesAsync();
        }

        var api = app.Api("viewer");
        async Task<string[]> Find(string q) => (await api.GetFromJsonAsync<PeoplePage>($"/api/v1/people?q={Uri.EscapeDataString(q)}", Json))!
            .Rows.Select(r => r.FullName).ToArray();

        // The compound's key is stored by itself: every spelling of it finds the person.
        Assert.Equal(["Abd al-Rahman Kassab"], await Find("Abdulrahman"));
        Assert.Equal(["Abd al-Rahman Kassab"], await Find("Abdul Rahman Qassab"));
        // Words whose keys hold only in context are still found by prefix.
        Assert.Equal(["Abd al-Rahman Kassab"], await Find("rahm"));
        Assert.Equal(["Abd Allah Toma"], await Find("Abdallah"));
        // "Ali" (key al) is not a spelling of the article in Al-Rubaie nor of Allah in Abd Allah.
        Assert.Equal(["Ali Hermiz"], await Find("Ali"));
        Assert.Equal(["Ali Hermiz"], await Find("Aly"));
        // The family name without its article carries its key.
        Assert.Equal(["Yousif Al-Rubaie"], await Find("Youssef Rubaie"));
        // A second word found only in an alias (the row carries the words its sort name does not show).
        Assert.Equal(["Hanna Yaldo"], await Find("shamoon han"));
        Assert.Equal(["Hanna Yaldo"], await Find("yaldo sham"));
    }
}
