using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Features.People;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Shared;

/// <summary>The line a page shows after a change (the flash) is said in the reader's language: a custody recorded, a
/// custody change undone (with the facility and the date inserted), a conflict decision refused; the API keeps the
/// English sentence.</summary>
public partial class FlashSentencesTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));

    /// <summary>A flash written as a literal or an interpolated string would be English on every page: each one is a
    /// resource (<c>t["Key"]</c>) or a <c>Sentence</c> said with <c>Strings.Say</c>, whose format has a key
    /// (<see cref="SentenceKeysTests"/>).</summary>
    [Fact]
    public void NoFlash_IsWrittenAsEnglishText()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Stayline.slnx")))
        {
            root = root.Parent!;
        }

        var found = new List<string>();
        var flashes = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root.FullName, "src", "Stayline", "Features"), "*.cs", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (FlashAssignment().Match(lines[i]) is { Success: true } m)
                {
                    flashes++;
                    if (EnglishText().IsMatch(m.Groups["value"].Value))
                    {
                        found.Add($"{Path.GetFileName(file)}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.True(flashes > 30, $"only {flashes} flashes found: the scan lost them");
        Assert.True(found.Count == 0, "Flashes written in English:\n" + string.Join("\n", found));
    }

    public static TheoryData<string, string, string, string, string> Cases() => new()
    {
        { "sqlite", "ar", "سُجّل الاحتجاز.", "تم التراجع: الاحتجاز في", "لهذا الفحص قرار من قبل." },
        { "sqlite", "es", "Custodia registrada.", "Deshecho: la detención en", "Esta comprobación ya tiene una decisión." },
        { "postgres", "ar", "سُجّل الاحتجاز.", "تم التراجع: الاحتجاز في", "لهذا الفحص قرار من قبل." },
        { "postgres", "es", "Custodia registrada.", "Deshecho: la detención en", "Esta comprobación ya tiene una decisión." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CustodyRecordedAndUndone_AndARefusedDecision_AreSaidInTheReadersLanguage(string provider, string lang, string recorded,
        string undone, string refused)
    {
        await using var app = await TestApp.StartAsync(provider, Clock);
        var api = app.Api("admin");
        var person = (await (await api.PostAsJsonAsync("/api/v1/people", new { givenName = "Sabah", familyName = "Yaldo" }))
            .Content.ReadFromJsonAsync<PersonDto>(PeopleApiTests.Json))!;
        string facility;
        long facilityId;
        await using (var scope = app.Scope())
        {
            var f = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Facilities.OrderBy(x => x.Id).FirstAsync();
            (facility, facilityId) = (f.Name, f.Id);
        }

        var browser = await app.SignedInAsync("admin");
        var details = $"/People/Details?id={person.Id}&lang={lang}";

        var record = await TestApp.PostFormAsync(browser, $"/Custody/Record?personId={person.Id}&lang={lang}", $"/Custody/Record?personId={person.Id}&lang={lang}", new Dictionary<string, string>
        {
            ["Input.Action"] = "Detain",
            ["Input.On"] = "2026-11-20",
            ["Input.FacilityId"] = facilityId.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, record.StatusCode);
        Assert.Contains(recorded, await browser.GetStringAsync(details), StringComparison.Ordinal);

        var undo = await TestApp.PostFormAsync(browser, details, $"/Protection/Person?handler=UndoCustody&personId={person.Id}&lang={lang}", []);
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        var afterUndo = await browser.GetStringAsync(details);
        Assert.Contains(undone, afterUndo, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(facility), afterUndo, StringComparison.Ordinal);
        Assert.DoesNotContain("Undone: the detention", afterUndo, StringComparison.Ordinal);

        // A conflict check decided twice: the second decision is refused, on the page in the reader's language and
        // through the API in English.
        var check = (await (await api.PostAsJsonAsync("/api/v1/conflicts", new { name = "Sabah Yaldo", personId = person.Id }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
        _ = await api.PostAsJsonAsync($"/api/v1/conflicts/{check}/decision", new { decision = "Proceed" }); // a check without hits is decided already
        var twice = await TestApp.PostFormAsync(browser, details, $"/People/Details?handler=ConflictDecision&id={person.Id}&checkId={check}&lang={lang}",
            new Dictionary<string, string> { ["decision"] = "Decline" });
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Contains(refused, await browser.GetStringAsync(details), StringComparison.Ordinal);
        var again = await api.PostAsJsonAsync($"/api/v1/conflicts/{check}/decision?lang={lang}", new { decision = "Decline" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This check already has a decision.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"TempData\[""Flash""\]\s*=\s*(?<value>.+)$")]
    private static partial Regex FlashAssignment();

    /// <summary>A value that starts as text: a literal, an interpolated or a verbatim string, or text joined to a choice.</summary>
    [GeneratedRegex(@"^(\$|@)*""|\?\?\s*(\$|@)*""")]
    private static partial Regex EnglishText();
}
