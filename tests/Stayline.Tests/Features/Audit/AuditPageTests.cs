using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Audit;

/// <summary>Issue 12, item 5: the audit log is readable: a row names its person (not a number) and an edit shows each
/// changed field with its value before and after.</summary>
public partial class AuditPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditLog_AfterAnEdit_ShowsThePersonsNameAndEachChangedFieldBeforeAndAfter(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.Api("attorney");
        var created = await api.PostAsJsonAsync("/api/v1/people", new { givenName = "Yousif", familyName = "Kassab", birthDate = "1971-03-02", citizenship = "Iraq" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        var read = JsonNode.Parse(await api.GetStringAsync(url))!;
        read["familyName"] = "Kassabi";
        read["citizenship"] = "Syria";
        var put = await api.PutAsJsonAsync(url, read);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var web = await app.SignedInAsync("admin");
        var html = WebUtility.HtmlDecode(await web.GetStringAsync($"/Audit?PersonId={id}&AuditAction=update"));

        var rows = RowPattern().Matches(html).Select(m => m.Value).ToList();
        var edit = Assert.Single(rows, r => r.Contains("Kassabi", StringComparison.Ordinal));
        // The person column: the name as it is now, linked to the person, not "#id".
        Assert.Matches($"<a href=\"/People/Details\\?id={id}\"[^>]*>Yousif Kassabi</a>", edit);
        Assert.DoesNotContain($"#{id}", edit, StringComparison.Ordinal);
        // The change column: each changed field in words, its value before and after; unchanged fields and raw JSON left out.
        var change = ChangePattern().Match(edit);
        Assert.True(change.Success, edit);
        Assert.Contains("Family name: Kassab → Kassabi", change.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("Citizenship: Iraq → Syria", change.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Given name", change.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("{", change.Groups[1].Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td [^>]*class=\"change\"[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex ChangePattern();
}
