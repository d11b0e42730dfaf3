using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Data.Bulk;
using Stayline.Domain.Common;
using Stayline.Domain.Protection;
using Stayline.Infrastructure;

namespace Stayline.Features.Protection;

/// <summary>One reason as the API gives it (English <see cref="Text"/>) and as a page says it (<see cref="Sentence"/>).</summary>
public sealed record ReasonView(string Code, string Text, string Citation, bool Missing)
{
    [JsonIgnore]
    public Sentence Sentence { get; init; } = Sentence.Verbatim(Text);

    public static ReasonView Of(ReasonText r) => new(r.Code, r.Text.ToString(), r.Citation, r.Missing) { Sentence = r.Text };
}

/// <summary>A person's protection as shown: state, what protects, until when, the chain of reasons.</summary>
public sealed record ProtectionView(long PersonId, ProtectionState State, string? PrimarySource, DateOnly? UntilDate, string? UntilEvent,
    bool EndsWithin7Days, string Summary, IReadOnlyList<ReasonView> Reasons, DateOnly ComputedAsOf)
{
    /// <summary>The summary as a sentence for a page; <see cref="Summary"/> is its English.</summary>
    [JsonIgnore]
    public Sentence SummarySentence { get; init; } = Sentence.Verbatim(Summary);

    /// <summary>The day a stored row answers for: its own day or, when later, the day a full recompute confirmed it.</summary>
    public static DateOnly AnswersFor(PersonProtection p, DateOnly? watermark) => AnswersFor(p.ComputedAsOf, watermark);

    public static DateOnly AnswersFor(DateOnly computedAsOf, DateOnly? watermark) => watermark is { } w && w > computedAsOf ? w : computedAsOf;
}

public static class ProtectionReader
{
    /// <summary>The days <c>asOf</c> may name: the court calendar's range (deadlines are counted on it).</summary>
    public static bool TryParseAsOf(string? text, out DateOnly? asOf, out string error)
    {
        asOf = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            error = $"asOf \"{text}\" is not a date in the form yyyy-MM-dd (for example 2017-12-26).";
            return false;
        }

        if (day < Domain.Deadlines.DeadlineCalculator.FirstTrigger || day > Domain.Deadlines.DeadlineCalculator.LastTrigger)
        {
            error = $"asOf {text} is outside the days Stayline can evaluate (1980-01-01 to 2100-12-31).";
            return false;
        }

        asOf = day;
        return true;
    }

    /// <summary>The person's protection on <paramref name="asOf"/>, evaluated now and not stored.</summary>
    public static async Task<ProtectionView?> GetAsOfAsync(StaylineDbContext db, long personId, DateOnly asOf, CancellationToken ct) =>
        await ProtectionRecompute.EvaluateWithoutStoringAsync(db, personId, asOf, ct) is { } r ? ViewOf(r, asOf) : null;

    public static ProtectionView ViewOf(PersonResult r, DateOnly asOf) => new(r.PersonId, Enum.Parse<ProtectionState>(r.State), r.PrimarySource,
        r.UntilDate, r.UntilEvent, r.EndsWithin7Days, r.Summary, [.. r.Reasons.Select(ReasonView.Of)], asOf)
    {
        SummarySentence = r.SummarySentence ?? Sentence.Verbatim(r.Summary),
    };

    /// <summary>The person's protection for today; a result stored for an earlier day is recomputed first (dates move protection).</summary>
    public static async Task<ProtectionView?> GetAsync(StaylineDbContext db, ProtectionRecompute recompute, TimeProvider clock, long personId, CancellationToken ct)
    {
        var today = clock.Today();
        // The watermark first: read after the row, a full recompute committing in between would pair the old row
        // with the new watermark and pass it as today's. An old watermark with a new row only costs a recompute.
        var watermark = await ProtectionRecompute.WatermarkAsync(db, ct);
        var row = await db.Protections.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, ct);
        if (row is null || ProtectionView.AnswersFor(row, watermark) < today)
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

        // The chain of reasons is not stored (docs/adr/0010): the person is evaluated for the day the stored row answers for,
        // which gives the stored row's values and its reasons (should a save commit in between, the newer answer).
        return await GetAsOfAsync(db, personId, ProtectionView.AnswersFor(row, watermark), ct);
    }
}
