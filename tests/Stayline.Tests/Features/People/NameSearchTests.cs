using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.People;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>The people list's name search: people found by prefix and by name key come once each, in name order.</summary>
public class NameSearchTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_MatchesByPrefixAndByKey_EachPersonOnceInNameOrder(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            // Zaid and Adam match "jabouri" both as a prefix and by key; Basil and Yousif by key only; Hanna matches neither.
            await ReviewServiceTests.AddPersonAsync(db, "Zaid", "Jabouri", new DateOnly(1970, 5, 1));
            await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Aljabouri", new DateOnly(1969, 7, 21));
            await ReviewServiceTests.AddPersonAsync(db, "Basil", "Al Jaburi", new DateOnly(1980, 2, 3));
            await ReviewServiceTests.AddPersonAsync(db, "Adam", "Jabouri", new DateOnly(1975, 9, 9));
            await ReviewServiceTests.AddPersonAsync(db, "Hanna", "Toma", new DateOnly(1960, 3, 3));
        }

        var api = app.Api("viewer");
        async Task<string> Find(string query)
        {
            var page = (await api.GetFromJsonAsync<PeoplePage>(query, Json))!;
            return $"{string.Join(", ", page.Rows.Select(r => r.FullName))} ({page.Total})";
        }

        Assert.Equal("Adam Jabouri, Basil Al Jaburi, Yousif Aljabouri, Zaid Jabouri (4)", await Find("/api/v1/people?q=jabouri&sort=Name"));
        Assert.Equal("Zaid Jabouri, Yousif Aljabouri, Basil Al Jaburi, Adam Jabouri (4)", await Find("/api/v1/people?q=jabouri&sort=Name&desc=true"));
        Assert.Equal("Yousif Aljabouri, Zaid Jabouri (4)", await Find("/api/v1/people?q=jabouri&sort=Name&pageSize=2&page=2"));
        Assert.Equal("Hanna Toma (1)", await Find("/api/v1/people?q=hann"));
    }

    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("ab", "a", 1)]
    [InlineData("same", "same", 0)]
    [InlineData("\uffff", "\U0001F600", -1)]
    [InlineData("\U0001F600", "\uffff", 1)]
    public void CodePointOrder_AsSqliteBinary_OrdersByCodePoint(string a, string b, int expected) =>
        Assert.Equal(expected, Math.Sign(PeopleQuery.CodePointOrder(a, b)));
}
