using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Features.Hearings;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Hearings;

public class HearingListTests
{
    private static readonly DateOnly Today = D("2026-12-04");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_GoodList_AddsEachOnceAndTheSameListTwiceAddsNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2026-12-04"));
        var b = new CaseBuilder(app);
        var kassab = await b.PersonAsync("A012345678");
        var toma = await b.PersonAsync("A087654321", "Sami", "Toma");
        const string list = """
            A-Number;Hearing Date;Time;Court;IJ;Type
            012-345-678;2026-12-08;9:30 AM;Detroit Immigration Court;IJ Example;MCH
            A087654321;2026-12-09;13:00;Detroit Immigration Court;IJ Other;bond
            A012345678;2026-12-08;09:30;Detroit Immigration Court;IJ Example;master
            """;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();

        var (added, rows, error) = await HearingList.ApplyAsync(db, list, Today, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(2, added);
        Assert.True(rows[2].AlreadyRecorded); // listed twice: the second is skipped
        var hearings = await db.Hearings.AsNoTracking().OrderBy(h => h.PersonId).ToListAsync();
        Assert.Equal([(kassab, HearingKind.Master, D("2026-12-08"), (TimeOnly?)new TimeOnly(9, 30), "IJ Example"), (toma, HearingKind.Bond, D("2026-12-09"), new TimeOnly(13, 0), "IJ Other")],
            hearings.Select(h => (h.PersonId, h.Kind, h.On, h.At, h.Judge)));
        Assert.Equal(0, (await HearingList.ApplyAsync(db, list, Today, CancellationToken.None)).Added);
        Assert.Equal(2, await db.Hearings.CountAsync());
    }

    [Fact]
    public async Task Apply_OneBadRow_AddsNothingAndNamesEachProblem()
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2026-12-04"));
        await new CaseBuilder(app).PersonAsync("A012345678");
        const string list = """
            a_number,date,court,kind
            A012345678,2026-12-08,Detroit Immigration Court,master
            A099999999,2026-12-08,Detroit Immigration Court,master
            A012345678,12/08/2026,Detroit Immigration Court,master
            A012345678,2026-12-08,Detroit Immigration Court,merit hearing
            A012345678,2026-12-01,Detroit Immigration Court,
            """;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();

        var (added, rows, _) = await HearingList.ApplyAsync(db, list, Today, CancellationToken.None);

        Assert.Equal(0, added);
        Assert.Equal(0, await db.Hearings.CountAsync());
        Assert.Equal([null, "no person with this A-number", "date \"12/08/2026\" is not a date in the form YYYY-MM-DD", "kind \"merit hearing\" is not master, individual or bond", null],
            rows.Select(r => r.Error));
        Assert.Equal(3, rows[1].Row);
    }

    [Fact]
    public async Task Preview_HeaderWithoutTheCourt_SaysWhatIsMissing()
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2026-12-04"));
        await using var scope = app.Scope();

        var (_, error) = await HearingList.PreviewAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), "a_number,date\nA012345678,2026-12-08", Today,
            CancellationToken.None);

        Assert.Equal("The header line lacks court (it has: a_number, date).", error?.ToString());
    }

    [Fact]
    public async Task Pages_PreviewApplyAndOutcomesByJudge()
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2026-12-04"));
        var id = await new CaseBuilder(app).PersonAsync("A012345678");
        var attorney = await app.SignedInAsync("attorney");
        var list = "a_number,date,court,judge,kind\nA012345678,2026-11-02,Detroit Immigration Court,IJ Example,bond\n";

        var preview = WebUtility.HtmlDecode(await (await TestApp.PostFormAsync(attorney, "/Hearings/Import", "/Hearings/Import",
            new Dictionary<string, string> { ["Text"] = list })).Content.ReadAsStringAsync());
        Assert.Contains("1 rows: 1 to add, 0 already recorded, 0 with errors.", preview, StringComparison.Ordinal);
        var applied = await TestApp.PostFormAsync(attorney, "/Hearings/Import", "/Hearings/Import", new Dictionary<string, string> { ["Text"] = list, ["apply"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var h = await db.Hearings.SingleAsync();
            Assert.Empty(h.Update(h.ToInput() with { Outcome = HearingOutcome.Denied }, Today));
            await db.SaveChangesAsync();
        }

        var page = WebUtility.HtmlDecode(await attorney.GetStringAsync("/Hearings?kind=Bond&from=2026-01-01"));
        Assert.Contains("Outcomes by judge", page, StringComparison.Ordinal);
        // The judge's row: hearings 1, granted 0, denied 1, continued 0, held 0 (each cell carries its column's label for phones).
        Assert.Matches("<tr><td [^>]*>IJ Example</td><td [^>]*>1</td><td [^>]*>0</td><td [^>]*>1</td><td [^>]*>0</td><td [^>]*>0</td></tr>", page);
        Assert.Contains($"/People/Details?id={id}", page, StringComparison.Ordinal);
    }
}
