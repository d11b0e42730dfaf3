using System.Net.Http.Json;
using System.Text.Json;
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
}
