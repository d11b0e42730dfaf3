using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Protection;
using Stayline.Infrastructure;

namespace Stayline.Features.Protection;

public sealed record ReasonView(string Code, string Text, string Citation, bool Missing);

/// <summary>A stored protection row as shown: state, what protects, until when, the chain of reasons.</summary>
public sealed record ProtectionView(long PersonId, ProtectionState State, string? PrimarySource, DateOnly? UntilDate, string? UntilEvent,
    bool EndsWithin7Days, string Summary, IReadOnlyList<ReasonView> Reasons, DateOnly ComputedAsOf)
{
    public static ProtectionView From(PersonProtection p) => new(p.PersonId, Enum.Parse<ProtectionState>(p.State), p.PrimarySource, p.UntilDate,
        p.UntilEvent, p.EndsWithin7Days, p.Summary, JsonSerializer.Deserialize<List<ReasonView>>(p.ReasonsJson, JsonOptions) ?? [], p.ComputedAsOf);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public static class ProtectionReader
{
    /// <summary>The person's protection for today; a result stored for an earlier day is recomputed first (dates move protection).</summary>
    public static async Task<ProtectionView?> GetAsync(StaylineDbContext db, ProtectionRecompute recompute, TimeProvider clock, long personId, CancellationToken ct)
    {
        var today = clock.Today();
        var row = await db.Protections.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, ct);
        if (row is null || row.ComputedAsOf < today)
        {
            if (!await db.People.AnyAsync(p => p.Id == personId, ct))
            {
                return null;
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await recompute.RecomputeAsync(db, PersonScope.Ids([personId]), today, ct);
            await tx.CommitAsync(ct);
            row = await db.Protections.AsNoTracking().FirstAsync(p => p.PersonId == personId, ct);
        }

        return ProtectionView.From(row);
    }
}
