using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Review;

/// <summary>
/// Every table that belongs to a person must be decided for a merge of two records of one person (ReviewService: counts,
/// move, unmerge) and for an import's undo (ImportUndo's checks). A new table fails this test until it is listed here
/// and handled there, so a merge never leaves a person's records behind on the absorbed record.
/// </summary>
public class PersonOwnedTablesTests
{
    /// <summary>Moved to the surviving record on merge, moved back on unmerge, and blocking an import's undo.</summary>
    private static readonly string[] Moved =
    [
        "AdverseParty", "Assignment", "BondCase", "CasePost", "ClassMembership", "Conviction", "CourtOrder", "CustodyEpisode", "FamilyContact", "GeneratedDocument", "Hearing", "Matter", "Note",
        "PersonEvent", "PersonName", "PersonShare", "RecordsRequest", "ReliefClaim", "RemovalOrder",
    ];

    /// <summary>Person-owned tables a merge leaves alone, and why.</summary>
    private static readonly Dictionary<string, string> NotMoved = new(StringComparer.Ordinal)
    {
        ["PersonDeadline"] = "derived: recomputed for both records after the merge",
        ["PersonProtection"] = "derived: recomputed for both records after the merge",
    };

    [Fact]
    public async Task EveryPersonOwnedTable_IsDecidedForMergeAndUndo()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();

        var owned = db.Model.GetEntityTypes()
            .Where(t => t.ClrType != typeof(Person) && t.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Person)))
            .Select(t => t.ClrType.Name).Order(StringComparer.Ordinal).ToList();

        var expected = Moved.Concat(NotMoved.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(owned), $"Not decided: {string.Join(", ", owned.Except(expected))}; no longer person-owned: {string.Join(", ", expected.Except(owned))}");
    }
}
