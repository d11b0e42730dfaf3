using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Features.Protection;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Protection;

/// <summary>Past <see cref="IndexModel.CountCap"/> the protection list says "More than N people" (counting stops there)
/// and still pages to its last person.</summary>
public partial class ProtectionListCapTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProtectionPage_MoreThanTheCap_SaysSoAndPagesToTheLastPerson(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        const int extra = IndexModel.CountCap + 50;
        int listed;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var template = await ReviewServiceTests.AddPersonAsync(db, "Template", "Toma", null);
            await db.People.Where(p => p.Id == template).ExecuteUpdateAsync(s => s.SetProperty(p => p.CustodyStatus, CustodyStatus.Detained));
            // Test set-up in SQL (saving 10,000 people through the app would take minutes): copies of one detained person,
            // each with a protection row "unknown" as the recompute would write it.
            var people = db.Model.GetRelationalModel().FindTable("people", null)!;
            var columns = people.Columns.Select(c => c.Name).Where(c => c != "Id").ToList();
            string Value(string column) => column switch
            {
                "ANumber" => "NULL",
                "GivenName" => "'Copy' || n.i",
                "SortName" => "t.\"SortName\" || ' ' || n.i",
                _ => "t.\"" + column + "\"",
            };
            var sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + extra.ToString(CultureInfo.InvariantCulture) + ") "
                + "INSERT INTO people (" + string.Join(", ", columns.Select(c => "\"" + c + "\"")) + ") "
                + "SELECT " + string.Join(", ", columns.Select(Value)) + " FROM n CROSS JOIN people t WHERE t.\"Id\" = " + template.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(extra, await db.Database.ExecuteSqlRawAsync(sql));
            var protection = "INSERT INTO person_protection (\"PersonId\", \"State\", \"EndsWithin7Days\", \"Summary\", \"ComputedAsOf\") "
                + "SELECT p.\"Id\", 'Unknown', FALSE, t.\"Summary\", t.\"ComputedAsOf\" FROM people p CROSS JOIN person_protection t "
                + "WHERE p.\"Id\" > " + template.ToString(CultureInfo.InvariantCulture) + " AND t.\"PersonId\" = " + template.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(extra, await db.Database.ExecuteSqlRawAsync(protection));
            listed = await IndexModel.Query(db, null, CustodyStatus.Detained).CountAsync();
        }

        Assert.True(listed > IndexModel.CountCap, $"{listed} listed");
        var web = await app.SignedInAsync("viewer");
        var first = await web.GetStringAsync("/Protection?Status=Detained");
        Assert.Contains($"More than {IndexModel.CountCap:N0} people (not counted further: counting them all would be slow)", first);
        Assert.Equal(IndexModel.PageSize, Rows().Matches(first).Count);
        Assert.Matches(Next(), first);

        // Next leads page by page to the last person, each page saying the same capped count (a page is found by its key:
        // how many come before it is not counted), the last page without Next.
        var pages = 1;
        var seen = Rows().Matches(first).Count;
        var html = first;
        for (var next = Next().Match(html); next.Success; next = Next().Match(html))
        {
            Assert.Equal(IndexModel.PageSize, Rows().Matches(html).Count);
            html = await web.GetStringAsync(System.Net.WebUtility.HtmlDecode(next.Groups[1].Value));
            Assert.Contains($"More than {IndexModel.CountCap:N0} people", html);
            seen += Rows().Matches(html).Count;
            Assert.True(++pages <= (listed / IndexModel.PageSize) + 1, $"{pages} pages for {listed} people");
        }

        Assert.Equal(listed, seen);
        Assert.Equal((listed + IndexModel.PageSize - 1) / IndexModel.PageSize, pages);
    }

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial Regex Next();

    [GeneratedRegex("href=\"/People/Details\\?id=\\d+\"")]
    private static partial Regex Rows();
}
