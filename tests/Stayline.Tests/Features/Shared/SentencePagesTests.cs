using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Features.People;
using Stayline.Tests.Features.Import;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Shared;

/// <summary>Validation sentences built in the domain reach a page in the reader's language, with the values (a typed
/// A-number, a date, a row) inserted; the API and the CLI keep printing the English sentence.</summary>
public class SentencePagesTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string, string[]> Cases() => new()
    {
        { "sqlite", "ar", ["فيه 2 أرقام؛ المتوقع 8 أو 9.", "تاريخ الميلاد", "لم يأتِ بعد (اليوم هو", "تاريخ الاحتجاز", "الصف 2، العمود «A-Number»، القيمة «A12»: رقم التسجيل «A12» فيه 2 أرقام", "الصف 4، العمود «DOB»، القيمة «31/31/2020»: التاريخ «&#x2068;31/31/2020&#x2069;» ليس تاريخًا"] },
        { "sqlite", "es", ["tiene 2 dígitos; se esperan 8 o 9.", "La fecha de nacimiento", "es futura (hoy es", "La fecha de detención", "fila 2, columna &quot;A-Number&quot;, valor &quot;A12&quot;: El número A &quot;A12&quot; tiene 2 dígitos", "fila 4, columna &quot;DOB&quot;, valor &quot;31/31/2020&quot;: La fecha &quot;31/31/2020&quot; no es una fecha"] },
        { "postgres", "ar", ["فيه 2 أرقام؛ المتوقع 8 أو 9.", "تاريخ الميلاد", "لم يأتِ بعد (اليوم هو", "تاريخ الاحتجاز", "الصف 2، العمود «A-Number»، القيمة «A12»: رقم التسجيل «A12» فيه 2 أرقام", "الصف 4، العمود «DOB»، القيمة «31/31/2020»: التاريخ «&#x2068;31/31/2020&#x2069;» ليس تاريخًا"] },
        { "postgres", "es", ["tiene 2 dígitos; se esperan 8 o 9.", "La fecha de nacimiento", "es futura (hoy es", "La fecha de detención", "fila 2, columna &quot;A-Number&quot;, valor &quot;A12&quot;: El número A &quot;A12&quot; tiene 2 dígitos", "fila 4, columna &quot;DOB&quot;, valor &quot;31/31/2020&quot;: La fecha &quot;31/31/2020&quot; no es una fecha"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PersonForm_CustodyForm_AndImportErrors_AreSaidInTheReadersLanguage(string provider, string lang, string[] expected)
    {
        await using var app = await TestApp.StartAsync(provider, Clock);
        var api = app.Api("intake");
        var person = (await (await api.PostAsJsonAsync("/api/v1/people", new { givenName = "Sabah", familyName = "Yaldo" }))
            .Content.ReadFromJsonAsync<PersonDto>(PeopleApiTests.Json))!;
        long facility;
        await using (var scope = app.Scope())
        {
            facility = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Facilities.Select(f => f.Id).FirstAsync();
        }

        var browser = await app.SignedInAsync("intake");

        // A person form with a short A-number and a birth date after today.
        var personPage = $"/People/Edit?lang={lang}";
        var personForm = await browser.GetStringAsync(personPage);
        var personAnswer = await browser.PostAsync(personPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Yousif",
            ["Input.FamilyName"] = "Kassab",
            ["Input.ANumber"] = "A12",
            ["Input.BirthDate"] = "2031-01-01",
            ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(personForm),
        }));
        var personHtml = await personAnswer.Content.ReadAsStringAsync();

        // A detention dated after today.
        var custodyPage = $"/Custody/Record?personId={person.Id}&lang={lang}";
        var custodyForm = await browser.GetStringAsync(custodyPage);
        var custodyAnswer = await browser.PostAsync(custodyPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Action"] = "Detain",
            ["Input.On"] = "2026-12-10",
            ["Input.FacilityId"] = facility.ToString(CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(custodyForm),
        }));
        var custodyHtml = await custodyAnswer.Content.ReadAsStringAsync();

        // An import whose rows are wrong: the errors are stored per job and said again when the progress page reads them.
        var importPage = await browser.GetStringAsync($"/Import?lang={lang}");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(TestApp.AntiforgeryToken(importPage)), "__RequestVerificationToken" },
            { new StringContent("Detention centre list"), "Source" },
            { new ByteArrayContent("Last Name,A-Number,DOB\nKassab,A12,\nToma,,2031-01-01\nYaldo,,31/31/2020\n"u8.ToArray()), "Upload", "list.csv" },
        };
        var uploaded = await browser.PostAsync($"/Import?lang={lang}", upload);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var progressUrl = uploaded.Headers.Location!.ToString();
        var progress = await ImportPageTests.WaitAsync(browser, $"{progressUrl}{(progressUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}lang={lang}");

        var all = personHtml + custodyHtml + progress;
        Assert.All(expected, e => Assert.Contains(e, all, StringComparison.Ordinal));
        Assert.Contains("2031", personHtml, StringComparison.Ordinal);
        Assert.Contains("2026", custodyHtml, StringComparison.Ordinal);
        foreach (var english in new[] { "digits; expected 8 or 9", "is in the future", "is not a date", "row 2, column" })
        {
            Assert.DoesNotContain(english, all, StringComparison.Ordinal);
        }

        // The same errors through the API and in the stored report stay English, byte for byte.
        var apiAnswer = await api.PostAsJsonAsync($"/api/v1/people?lang={lang}", new { givenName = "Yousif", familyName = "Kassab", aNumber = "A12" });
        Assert.Equal(HttpStatusCode.BadRequest, apiAnswer.StatusCode);
        var problem = await apiAnswer.Content.ReadAsStringAsync();
        Assert.Contains("A12", problem, StringComparison.Ordinal);
        Assert.Contains(" has 2 digits; expected 8 or 9.", problem, StringComparison.Ordinal);
        await using var check = app.Scope();
        var stored = await check.ServiceProvider.GetRequiredService<StaylineDbContext>().ImportJobErrors.OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal("A-number \"A12\" has 2 digits; expected 8 or 9.", stored[0].Message);
        Assert.Equal("Date \"31/31/2020\" is not a calendar date.", stored.Single(e => e.Row == 4).Message);
        Assert.All(stored, e => Assert.NotNull(e.Sentence));
    }
}
