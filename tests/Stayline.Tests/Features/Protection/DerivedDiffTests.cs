using Stayline.Data.Bulk;
using Stayline.Domain.Deadlines;
using Stayline.Features.Protection;

namespace Stayline.Tests.Features.Protection;

/// <summary>The row-by-row comparison of a person's stored and fresh deadlines, and the fingerprint it relies on.</summary>
public class DerivedDiffTests
{
    private static readonly DateOnly Due = new(2017, 12, 26);

    /// <summary>
    /// Rows are written "rule/order/state" (order 0: none); stored rows get ids 1, 2, ... in order. Expected:
    /// updated stored ids, number of inserts, deleted stored ids.
    /// </summary>
    [Theory]
    [InlineData("bia-appeal/0/Open", "bia-appeal/0/Open", "", 0, "")]
    [InlineData("bia-appeal/0/Open", "bia-appeal/0/Missed", "1", 0, "")]
    [InlineData("bia-appeal/0/Open mtr-ij/0/Open", "bia-appeal/0/Open", "", 0, "2")]
    [InlineData("bia-appeal/0/Open", "bia-appeal/0/Open mtr-ij/0/Open", "", 1, "")]
    [InlineData("", "pfr/0/Open", "", 1, "")]
    [InlineData("pfr/0/Open", "", "", 0, "1")]
    [InlineData("bia-appeal/0/Open mtr-ij/0/Open", "pfr/0/Open", "1", 0, "2")]
    [InlineData("class-mtr/7/Open class-mtr/9/Open", "class-mtr/9/Missed class-mtr/7/Open", "2", 0, "")]
    [InlineData("mtr-ij/0/Open mtr-ij/0/Open", "mtr-ij/0/Open", "", 0, "2")]
    public void DiffDeadlines_StoredAgainstFresh_KeepsEqualRowsUpdatesSameRuleFirst(string stored, string fresh, string updated, int inserts, string deleted)
    {
        var plan = new WritePlan();
        var person = Result(Parse(fresh));
        plan.Add(person, Change.Deadlines);

        plan.DiffDeadlines([.. Parse(stored).Select((d, i) => Stored(i + 1, d))]);

        Assert.Equal(Ids(updated), plan.DeadlineUpdates.Select(u => u.Id).Order());
        Assert.Equal(inserts, plan.DeadlineInserts.Count);
        Assert.Equal(Ids(deleted), plan.DeadlineDeletes.Order());
    }

    [Fact]
    public void DiffDeadlines_UpdatedRow_CarriesTheFreshValues()
    {
        var plan = new WritePlan();
        var person = Result(Parse("bia-appeal/0/Missed"));
        plan.Add(person, Change.Deadlines);

        plan.DiffDeadlines([Stored(5, Parse("bia-appeal/0/Open")[0])]);

        Assert.Equal((5L, 42L, DeadlineState.Missed), (plan.DeadlineUpdates[0].Id, plan.DeadlineUpdates[0].PersonId, plan.DeadlineUpdates[0].Deadline.State));
    }

    [Fact]
    public void DiffDeadlines_SeveralPeople_ComparesEachWithTheirOwnStoredRows()
    {
        var plan = new WritePlan();
        plan.Add(Result(Parse("pfr/0/Open"), 3), Change.Deadlines);
        plan.Add(Result(Parse("pfr/0/Missed"), 7), Change.Deadlines);
        var stored = Parse("pfr/0/Open");

        // Person 5 is stored but unchanged (not in the plan); person 7 has no stored rows; the rows are ordered by person.
        plan.DiffDeadlines([Stored(1, stored[0], 3), Stored(2, stored[0], 5), Stored(3, stored[0], 5)]);

        Assert.Equal((0, 1, 0), (plan.DeadlineUpdates.Count, plan.DeadlineInserts.Count, plan.DeadlineDeletes.Count));
        Assert.Equal((7L, DeadlineState.Missed), (plan.DeadlineInserts[0].PersonId, plan.DeadlineInserts[0].Deadline.State));
    }

    [Fact]
    public void StableHash_SameValues_SameFingerprintInEveryProcess()
    {
        // Worked out with an independent implementation of the rounds described on StableHash (Python, 64-bit wrap-around).
        // If the function changes, stored fingerprints stop matching: bump PersonResult's format version with it.
        Assert.Equal(7181085679176909751L, Hash("Protected", null, 90L));
    }

    [Theory]
    [InlineData("ab", "c")]
    [InlineData("", "abc")]
    [InlineData("abcd", "efgh")]
    [InlineData("abcde", "")]
    public void StableHash_SameCharactersSplitDifferently_Differs(string first, string second) =>
        Assert.NotEqual(Hash("abc", "", 0), Hash(first, second, 0));

    [Fact]
    public void StableHash_NullAndEmpty_Differ() => Assert.NotEqual(Hash(null, "", 0), Hash("", null, 0));

    private static long Hash(string? a, string? b, long c)
    {
        var h = new StableHash(1);
        h.Add(a);
        h.Add(b);
        h.Add(c);
        return h.Value;
    }

    private static DerivedDeadline[] Parse(string rows) => [.. rows.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(r =>
    {
        var parts = r.Split('/');
        var order = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return new DerivedDeadline(parts[0], order == 0 ? null : order, Due.AddDays(-30), Due, 30, Enum.Parse<DeadlineState>(parts[2]), "8 CFR 1003.38(b)");
    })];

    private static StoredDeadline Stored(long id, DerivedDeadline d, long personId = 42) =>
        new(id, personId, d.RuleId, d.OrderKey, d.TriggerDate, d.DueDate, d.PeriodDays, d.Citation, d.State.ToString());

    private static PersonResult Result(DerivedDeadline[] deadlines, long personId = 42) => new(personId, "Protected", null, null, null, false, "", [], deadlines, 0, 0);

    private static long[] Ids(string ids) => [.. ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(i => long.Parse(i, System.Globalization.CultureInfo.InvariantCulture))];
}
