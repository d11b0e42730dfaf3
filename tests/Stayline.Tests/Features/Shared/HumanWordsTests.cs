using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.Demo;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Shared;

/// <summary>No page shows a code name (an enum member such as NotProtected or AFileReceived) as text.</summary>
public partial class HumanWordsTests
{
    [Fact]
    public async Task Pages_WithADemoCrisis_ShowNoEnumNameAsText()
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, 40, CancellationToken.None);
        long[] people;
        long classId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            people = await db.People.OrderBy(p => p.Id).Select(p => p.Id).Take(8).ToArrayAsync();
            classId = await db.ClassActions.Select(c => c.Id).FirstAsync();
        }

        var codeNames = CodeNames();
        var web = await app.SignedInAsync("admin");
        var pages = new List<string>
        {
            "/Dashboard", "/People", "/Deadlines", "/Protection", "/Habeas/Queue", "/Habeas/Alerts", "/Import", "/Bulk", "/Review", "/Documents", "/Reports",
            "/Facilities", "/Classes", $"/Classes/Details?id={classId}", "/Users", "/Audit",
        };
        pages.AddRange(people.Select(id => $"/People/Details?id={id}"));
        var found = new List<string>();
        foreach (var page in pages)
        {
            var response = await web.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            var text = VisibleText(await response.Content.ReadAsStringAsync());
            found.AddRange(WordPattern().Matches(text).Select(m => m.Value).Where(codeNames.Contains).Distinct().Select(w => $"{page}: {w}"));
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>Every enum member of the domain and data model whose name is two or more words run together.</summary>
    private static HashSet<string> CodeNames() =>
        new[] { typeof(Domain.People.Person).Assembly, typeof(StaylineDbContext).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name))
            .Where(n => MultiWord().IsMatch(n))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The text a reader sees: no tags, attributes, scripts or styles.</summary>
    private static string VisibleText(string html) =>
        WebUtility.HtmlDecode(TagPattern().Replace(ScriptPattern().Replace(html, " "), " "));

    [GeneratedRegex("^[A-Z][a-z0-9]*[A-Z]|^[A-Z]{2,}[a-z]")]
    private static partial Regex MultiWord();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex ScriptPattern();
}
