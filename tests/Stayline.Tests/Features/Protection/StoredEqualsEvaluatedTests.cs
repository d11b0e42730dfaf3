using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Features.Bond;
using Stayline.Features.Deadlines;
using Stayline.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Protection;

/// <summary>
/// What the readers of stored derived rows show equals the same person evaluated without storing anything: the stored
/// deadline rows of every rule kind, and the protection row with its chain of reasons, which is not stored
/// (docs/adr/0010-derived-deadlines-storage.md).
/// </summary>
public class StoredEqualsEvaluatedTests
{
    private static readonly DateOnly Today = D("2026-09-10");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoredRows_EveryRuleKind_ShowWhatTheUnstoredEvaluationShows(string provider)
    {
        var clock = TestClock.At("2026-09-10");
        await using var app = await TestApp.StartAsync(provider, clock);
        var people = await PeopleOfEveryKindAsync(app);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var recompute = scope.ServiceProvider.GetRequiredService<ProtectionRecompute>();
        var seen = new List<DeadlineView>();
        var reasons = new HashSet<string>();
        foreach (var id in people)
        {
            var stored = await DeadlineQueries.ForPersonAsync(db, id, default);
            var evaluated = (await DeadlineQueries.ForPersonAsOfAsync(db, id, Today, default))!;
            Assert.Equal(Shown(evaluated), Shown(stored));
            seen.AddRange(stored);

            var row = await db.Protections.AsNoTracking().SingleAsync(p => p.PersonId == id);
            var unstored = (await ProtectionReader.GetAsOfAsync(db, id, Today, default))!;
            Assert.Equal((unstored.State.ToString(), unstored.PrimarySource, unstored.UntilDate, unstored.UntilEvent, unstored.EndsWithin7Days, unstored.Summary),
                (row.State, row.PrimarySource, row.UntilDate, row.UntilEvent, row.EndsWithin7Days, row.Summary));
            var shown = (await ProtectionReader.GetAsync(db, recompute, clock, id, default))!;
            Assert.Equal(Shown(unstored), Shown(shown));
            Assert.NotEmpty(shown.Reasons);
            reasons.UnionWith(shown.Reasons.Select(r => r.Code));
        }

        Assert.Superset(new HashSet<string> { "removal-period", "zadvydas", "custody-review-90", "custody-review-hq", "custody-review-annual", "habeas-return",
            DeadlineRules.Eoir43Notice.Id, "mtr-ij", "reconsider-ij", "bia-appeal", "class-mtr", "mtr-in-absentia", "pfr", "mtr-bia", "reconsider-bia" },
            seen.Select(v => v.Row.RuleId).ToHashSet());
        Assert.Contains(seen, v => v.Row.RuleId == "mtr-ij" && v.Row.Citation == PersonDeadlines.FromFinality(DeadlineRules.Get("mtr-ij")));
        Assert.Contains(seen, v => v.Row.RuleId == "habeas-return" && v.Row.Citation == ClockDeadlines.CourtSetCitation);
        Assert.True(reasons.Count >= 5, string.Join(", ", reasons));
    }

    [Fact]
    public async Task ProtectionView_RowConfirmedByALaterFullRecompute_ShowsTheReasonsOfThatDay()
    {
        var clock = TestClock.At("2017-09-25");
        await using var app = await TestApp.StartAsync("sqlite", clock);
        var ids = await new CaseBuilder(app).ThreeClassMembersAsync();
        clock.MoveTo("2017-09-26");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var recompute = scope.ServiceProvider.GetRequiredService<ProtectionRecompute>();
        await recompute.RecomputeAllAsync(db, D("2017-09-26"), default);

        var shown = (await ProtectionReader.GetAsync(db, recompute, clock, ids[0], default))!;

        Assert.Equal(D("2017-09-25"), (await RecomputeOnWriteTests.StoredAsync(app, ids[0])).ComputedAsOf);
        Assert.Equal(Shown((await ProtectionReader.GetAsOfAsync(db, ids[0], D("2017-09-26"), default))!), Shown(shown));
    }

    /// <summary>
    /// The first recompute writes runs of people with no facts by one statement per table (DerivedWriter.SameRuns):
    /// 600 imported people, two of them with a removal order and one detained, so the runs are cut around them; every
    /// stored protection row and fingerprint is the person's own evaluation.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstRecompute_RunsOfPeopleWithoutFacts_StoreEachPersonsOwnEvaluation(string provider)
    {
        await using var kit = await Import.ImportTestKit.CreateAsync(provider);
        var csv = new System.Text.StringBuilder("A-Number,Last Name,First Name,DOB,Facility\n");
        for (var i = 0; i < 600; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"A{100000000 + i},Kassab{i},Yousif,1970-01-02,{(i == 450 ? "Calhoun County Correctional Center" : "")}\n");
        }

        var (code, _, error) = await kit.RunAsync("import", "people", kit.File("list.csv", csv.ToString()));
        Assert.True(code == 0, error);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var db = kit.Db();
        var ids = await db.People.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        foreach (var at in new[] { 300, 301 })
        {
            var (order, errors) = RemovalOrder.Create(ids[at], today.AddDays(-10 - at), Adjudicator.ImmigrationJudge, false, false, "Iraq", today);
            Assert.Empty(errors);
            db.RemovalOrders.Add(order!);
        }

        await db.SaveChangesAsync();
        await db.Deadlines.Where(d => !d.Manual).ExecuteDeleteAsync();
        await db.Set<PersonDerivedHash>().ExecuteDeleteAsync();
        await db.Protections.ExecuteDeleteAsync();

        var stats = await new ProtectionRecompute(TimeProvider.System).RecomputeAllAsync(db, today, default);

        Assert.Equal(600, stats.People);
        var rows = await db.Protections.AsNoTracking().OrderBy(p => p.PersonId).ToListAsync();
        var hashes = await db.Set<PersonDerivedHash>().AsNoTracking().OrderBy(p => p.PersonId).ToListAsync();
        Assert.Equal(ids, rows.Select(r => r.PersonId));
        Assert.Equal(ids, hashes.Select(r => r.PersonId));
        var summaries = new HashSet<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            var evaluated = (await ProtectionRecompute.EvaluateWithoutStoringAsync(db, ids[i], today, default))!;
            Assert.Equal((evaluated.State, evaluated.PrimarySource, evaluated.UntilDate, evaluated.UntilEvent, evaluated.EndsWithin7Days, evaluated.Summary, today),
                (rows[i].State, rows[i].PrimarySource, rows[i].UntilDate, rows[i].UntilEvent, rows[i].EndsWithin7Days, rows[i].Summary, rows[i].ComputedAsOf));
            Assert.Equal((evaluated.ProtectionHash, evaluated.DeadlinesHash), (hashes[i].ProtectionHash, hashes[i].DeadlinesHash));
            summaries.Add(rows[i].Summary);
        }

        Assert.True(summaries.Count >= 2, string.Join(" / ", summaries));
        var derived = 0;
        foreach (var at in new[] { 300, 301 })
        {
            derived += (await ProtectionRecompute.EvaluateWithoutStoringAsync(db, ids[at], today, default))!.Deadlines.Length;
        }

        Assert.Equal(derived, await db.Deadlines.CountAsync(d => !d.Manual));
    }

    /// <summary>
    /// The stored next open deadline (the people list's "by next deadline" order) is the earliest open deadline of the
    /// person evaluated without storing, with those entered by hand: for a person with none, after a deadline is met,
    /// after one is entered by hand (and the person recomputed again), and for the survivor of a merge.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NextDueDate_IsTheEarliestOpenDeadline_WithNoneMetByHandAndMerged(string provider)
    {
        var clock = TestClock.At("2026-09-10");
        await using var app = await TestApp.StartAsync(provider, clock);
        var b = new CaseBuilder(app);
        var none = await b.PersonAsync("A066666666", "Layla", "Shamoun");
        var judge = await b.PersonAsync("A077777777", "Basil", "Jarjis");
        await b.RemovalOrderAsync(judge, "2026-08-25");
        var absorbed = await b.PersonAsync("A088888888", "Rami", "Kallabat");
        await b.RemovalOrderAsync(absorbed, "2026-08-28", by: Adjudicator.Board);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var survivor = await Review.ReviewServiceTests.AddPersonAsync(db, "Rami", "Kallabat", null, country: "Iraq");
        long[] everyone = [none, judge, absorbed, survivor];
        Assert.Null(await StoredNextDueAsync(db, none));
        var first = await StoredNextDueAsync(db, judge);
        Assert.NotNull(first);
        await AssertNextDueAsync(db, everyone);

        // The appeal is filed: its deadline is met, and the next one is another.
        await b.MatterAsync(judge, MatterKind.BiaAppeal, "2026-09-09");
        Assert.Contains(await DeadlineQueries.ForPersonAsync(db, judge, default), v => v.Row.RuleId == "bia-appeal" && v.Row.State == "Met");
        await AssertNextDueAsync(db, everyone);

        // A deadline entered by hand before every derived one, then the person recomputed for the next day.
        db.Deadlines.Add(new PersonDeadline
        {
            PersonId = judge,
            RuleId = "manual",
            Manual = true,
            Title = "Brief",
            DueDate = D("2026-09-12"),
            State = "Open",
            Citation = "Local rule",
        });
        await db.SaveChangesAsync();
        Assert.Equal(D("2026-09-12"), await StoredNextDueAsync(db, judge));
        var recompute = scope.ServiceProvider.GetRequiredService<ProtectionRecompute>();
        var stats = await recompute.RecomputeAsync(db, Stayline.Data.Bulk.PersonScope.Ids([judge]), D("2026-09-11"), default);
        Assert.Equal(1, stats.ProtectionRowsWritten);
        Assert.Equal(D("2026-09-12"), await StoredNextDueAsync(db, judge));

        // The merge moves the removal order to the survivor.
        var merged = await scope.ServiceProvider.GetRequiredService<Stayline.Features.Review.ReviewService>().MergeAsync(survivor, absorbed);
        Assert.True(merged.Done, merged.Message);
        db.ChangeTracker.Clear();
        Assert.NotNull(await StoredNextDueAsync(db, survivor));
        await AssertNextDueAsync(db, [none, judge, survivor]);
    }

    private static Task<DateOnly?> StoredNextDueAsync(StaylineDbContext db, long id) =>
        db.Protections.AsNoTracking().Where(p => p.PersonId == id).Select(p => p.NextDueDate).SingleAsync();

    private static async Task AssertNextDueAsync(StaylineDbContext db, long[] ids)
    {
        foreach (var id in ids)
        {
            var evaluated = (await DeadlineQueries.ForPersonAsOfAsync(db, id, Today, default))!;
            var earliest = evaluated.Where(v => v.Row.State == "Open" && v.Row.DueDate != null).Select(v => v.Row.DueDate).Min();
            Assert.Equal(earliest, await StoredNextDueAsync(db, id));
        }
    }

    /// <summary>Detention clocks, bond, a habeas return set by the court, motions counted from finality, in absentia, Board orders, class members.</summary>
    private static async Task<List<long>> PeopleOfEveryKindAsync(TestApp app)
    {
        var b = new CaseBuilder(app);
        var detained = await b.PersonAsync("A011111111");
        await b.EventAsync(detained, PersonEventKind.Arrested, "2025-03-01");
        await b.RemovalOrderAsync(detained, "2025-03-16", waived: true);
        (await b.Api.PostAsJsonAsync($"/api/v1/people/{detained}/matters", new
        {
            kind = (int)MatterKind.HabeasPetition,
            status = (int)MatterStatus.Pending,
            filedOn = "2026-09-08",
            showCauseOrderedOn = "2026-09-09",
            returnDueOn = "2026-09-29",
        })).EnsureSuccessStatusCode();
        (await b.Api.PostAsJsonAsync($"/api/v1/people/{detained}/bond-cases",
            new BondCaseWrite(DhsCustodyDecision.NoBond, null, D("2026-09-01"), BondDecision.BondSet, D("2026-09-09"), 5_000m), CaseBuilder.Json)).EnsureSuccessStatusCode();
        var reserved = await b.PersonAsync("A022222222", "Sami", "Toma");
        await using (var setup = app.Scope())
        {
            var context = setup.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (order, errors) = RemovalOrder.Create(reserved, D("2025-11-25"), Adjudicator.ImmigrationJudge, false, false, "Iraq", Today, appealReserved: true);
            Assert.Empty(errors);
            context.RemovalOrders.Add(order!);
            await context.SaveChangesAsync();
        }

        var absentia = await b.PersonAsync("A033333333", "Nadia", "Yono");
        await b.RemovalOrderAsync(absentia, "2026-08-01", inAbsentia: true);
        var board = await b.PersonAsync("A044444444", "Rita", "Kallabat");
        await b.RemovalOrderAsync(board, "2026-08-20", by: Adjudicator.Board);
        var judge = await b.PersonAsync("A055555555", "Basil", "Jarjis");
        await b.RemovalOrderAsync(judge, "2026-08-25");
        return [detained, reserved, absentia, board, judge, .. await b.ThreeClassMembersAsync()];
    }

    private static List<string> Shown(IEnumerable<DeadlineView> views) =>
        [.. views.Select(v => string.Join(" | ", v.Row.RuleId, v.Row.CourtOrderId, v.Row.TriggerDate, v.DueText, v.StateText, v.Title, v.TriggerText, v.Explanation,
            v.Row.Citation, string.Join(", ", v.Exemptions.Select(e => e.Name)))).Order(StringComparer.Ordinal)];

    private static string Shown(ProtectionView v) => string.Join(" | ", v.State, v.PrimarySource, v.UntilDate, v.UntilEvent, v.EndsWithin7Days, v.Summary, v.ComputedAsOf,
        string.Join(" / ", v.Reasons.Select(r => $"{r.Code}: {r.Text} ({r.Citation}){(r.Missing ? " missing" : "")}")));
}
