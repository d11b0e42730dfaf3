using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Features.Bond;
using Stayline.Features.Deadlines;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Deadlines;

/// <summary>
/// Derived deadline rows store an empty citation when it is the rule's own: every rule kind reads back with the same
/// title, explanation and citation as the same deadlines evaluated without storing anything.
/// </summary>
public class StoredCitationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoredRows_EveryRuleKind_ShowTheSameWordsAsTheUnstoredEvaluation(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, clock: TestClock.At("2026-09-10"));
        var b = new CaseBuilder(app);
        // Detention clocks, a bond case, and a habeas return whose date the court set.
        var detained = await b.PersonAsync("A011111111");
        await b.EventAsync(detained, PersonEventKind.Arrested, "2026-03-01");
        await b.RemovalOrderAsync(detained, "2026-03-16", waived: true);
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
        // Appeal reserved and not taken: the motion deadlines count from finality.
        var reserved = await b.PersonAsync("A022222222", "Sami", "Toma");
        await using (var setup = app.Scope())
        {
            var context = setup.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (order, errors) = RemovalOrder.Create(reserved, D("2025-11-25"), Adjudicator.ImmigrationJudge, false, false, "Iraq", D("2026-09-10"), appealReserved: true);
            Assert.Empty(errors);
            context.RemovalOrders.Add(order!);
            await context.SaveChangesAsync();
        }

        // Class members: the class order's motion deadline, and the statutory ones of an old order.
        long[] people = [detained, reserved, .. await b.ThreeClassMembersAsync()];

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var seen = new List<DeadlineView>();
        foreach (var id in people)
        {
            var stored = await DeadlineQueries.ForPersonAsync(db, id, default);
            var evaluated = (await DeadlineQueries.ForPersonAsOfAsync(db, id, D("2026-09-10"), default))!;
            Assert.Equal(Shown(evaluated), Shown(stored));
            seen.AddRange(stored);
        }

        Assert.Superset(new HashSet<string> { "removal-period", "zadvydas", "custody-review-90", "habeas-return", DeadlineRules.Eoir43Notice.Id, "mtr-ij", "bia-appeal", "class-mtr" },
            seen.Select(v => v.Row.RuleId).ToHashSet());
        Assert.Contains(seen, v => v.Row.RuleId == "mtr-ij" && v.Row.Citation == PersonDeadlines.FromFinality(DeadlineRules.Get("mtr-ij")));
        Assert.Contains(seen, v => v.Row.RuleId == "habeas-return" && v.Row.Citation == ClockDeadlines.CourtSetCitation);

        // What is stored: empty for the rule's own citation, whole for the others.
        var rows = await db.Deadlines.AsNoTracking().Where(d => !d.Manual).Select(d => new { d.RuleId, d.Citation }).ToListAsync();
        Assert.Contains(rows, r => r.RuleId == "zadvydas" && r.Citation == "");
        Assert.Contains(rows, r => r.RuleId == "mtr-ij" && r.Citation == PersonDeadlines.FromFinality(DeadlineRules.Get("mtr-ij")));
        Assert.Contains(rows, r => r.RuleId == "habeas-return" && r.Citation == ClockDeadlines.CourtSetCitation);
        Assert.All(rows.Where(r => r.RuleId == "class-mtr"), r => Assert.Contains("Hamama", r.Citation, StringComparison.Ordinal));
    }

    private static List<string> Shown(IEnumerable<DeadlineView> views) =>
        [.. views.Select(v => string.Join(" | ", v.Row.RuleId, v.Row.CourtOrderId, v.Row.TriggerDate, v.DueText, v.StateText, v.Title, v.TriggerText, v.Explanation,
            v.Row.Citation, string.Join(", ", v.Exemptions.Select(e => e.Name)))).Order(StringComparer.Ordinal)];
}
