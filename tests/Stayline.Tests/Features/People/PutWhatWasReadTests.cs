using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>A client that reads a record and writes it back unchanged changes nothing: the API returns every field it accepts.</summary>
public class PutWhatWasReadTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Put_TheBodyJustRead_ChangesNoField(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.Api("attorney");
        // Every field the write bodies accept, set to something other than its default.
        var person = await api.PostAsJsonAsync("/api/v1/people", new
        {
            aNumber = "A012-345-678",
            givenName = "Yousif",
            familyName = "Kassab",
            nativeName = "يوسف قصاب",
            birthDate = "1971-01-01",
            birthDatePrecision = "YearOnly",
            citizenship = "Iraq",
            languages = "Chaldean, Arabic",
            consentGiven = true,
            consentDate = "2017-06-20",
        });
        Assert.Equal(HttpStatusCode.Created, person.StatusCode);
        var personUrl = person.Headers.Location!.OriginalString;
        var personId = JsonNode.Parse(await person.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        var matter = await api.PostAsJsonAsync($"/api/v1/people/{personId}/matters", new
        {
            kind = "MotionToReopenIj",
            forum = "ImmigrationJudge",
            court = "Detroit Immigration Court",
            caseNumber = "A012-345-678",
            status = "Pending",
            filedOn = "2017-07-12",
            stayRequested = true,
            summary = "Changed country conditions",
        });
        Assert.Equal(HttpStatusCode.Created, matter.StatusCode);

        foreach (var url in new[] { personUrl, matter.Headers.Location!.OriginalString })
        {
            var read = await api.GetStringAsync(url);
            var put = await api.PutAsync(url, new StringContent(read, Encoding.UTF8, "application/json"));
            var again = await api.GetStringAsync(url);

            Assert.True(put.IsSuccessStatusCode, $"{url}: {put.StatusCode} {await put.Content.ReadAsStringAsync()}");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(read), JsonNode.Parse(again)), $"{url}:\n{read}\n{again}");
        }

        var stored = JsonNode.Parse(await api.GetStringAsync(personUrl))!;
        Assert.Equal("2017-06-20", stored["consentDate"]!.GetValue<string>());
    }
}
