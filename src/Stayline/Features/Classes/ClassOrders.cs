using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Common;
using Stayline.Domain.Protection;
using Stayline.Features.Protection;
using Stayline.Features.Shared;

namespace Stayline.Features.Classes;

/// <summary>A class-wide stay order with its typed terms (the flags of <see cref="ClassStayTerms"/>).</summary>
public sealed record ClassOrderWrite(string? Title, string? Court, string? CaseNumber, DateOnly? IssuedOn, int MotionPeriodDays,
    bool WhileMotionPending = true, bool ThroughBoardAppealPeriod = true, bool WhileBoardAppealPending = true,
    bool ThroughPetitionPeriod = true, bool WhilePetitionStayMotionPending = true, DateOnly? RecordsDueOn = null)
{
    public ClassStayTerms Terms => new(MotionPeriodDays)
    {
        WhileMotionPending = WhileMotionPending,
        ThroughBoardAppealPeriod = ThroughBoardAppealPeriod,
        WhileBoardAppealPending = WhileBoardAppealPending,
        ThroughPetitionPeriod = ThroughPetitionPeriod,
        WhilePetitionStayMotionPending = WhilePetitionStayMotionPending,
        RecordsDueOn = RecordsDueOn,
    };
}

public static class ClassOrders
{
    /// <summary>
    /// Records the order and recomputes every member in the same transaction (the save hook sees a class order and
    /// recomputes the class set-based). Audited as one court-order creation.
    /// </summary>
    public static async Task<(long? OrderId, IReadOnlyList<FieldError>? Errors)> RecordAsync(StaylineDbContext db, long classId, ClassOrderWrite write,
        DateOnly today, CancellationToken ct)
    {
        var c = await db.ClassActions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == classId, ct);
        if (c is null)
        {
            return (null, null);
        }

        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(write.Title), "Title", $"Give the order's title, e.g. \"Preliminary injunction\".");
        v.Require(write.IssuedOn is not null, "IssuedOn", $"Give the date of the order.");
        v.Require(write.IssuedOn is null || write.IssuedOn <= today, "IssuedOn", $"Order date {write.IssuedOn:yyyy-MM-dd} is in the future.");
        v.Require(write.MotionPeriodDays is >= 1 and <= 3650, "MotionPeriodDays", $"The motion period must be 1 to 3650 days (got {write.MotionPeriodDays}).");
        v.Require(write.RecordsDueOn is null || write.IssuedOn is null || write.RecordsDueOn >= write.IssuedOn, "RecordsDueOn",
            $"The production date {write.RecordsDueOn:yyyy-MM-dd} is before the order's date {write.IssuedOn:yyyy-MM-dd}.");
        if (!v.IsValid)
        {
            return (null, v.Errors);
        }

        var order = new CourtOrder(classId, null, CourtOrderKind.ClassStay, string.IsNullOrWhiteSpace(write.Court) ? c.Court : write.Court,
            string.IsNullOrWhiteSpace(write.CaseNumber) ? c.CaseNumber : write.CaseNumber, write.IssuedOn!.Value, write.Title!, FactsReader.WriteTerms(write.Terms));
        db.CourtOrders.Add(order);
        await db.SaveChangesAsync(ct);
        return (order.Id, []);
    }

    /// <summary>"motion to reopen due 90 days after A-file and record of proceedings are received; stay continues while the motion
    /// is pending, ...": a sentence, said in the reader's language on the class page.</summary>
    public static Sentence Describe(string? termsJson)
    {
        if (FactsReader.ReadTerms<ClassStayTerms>(termsJson) is not { } t)
        {
            return Sentence.Of($"terms not recorded: this order protects no one in Stayline until its terms are entered");
        }

        var stages = new List<Sentence>();
        if (t.WhileMotionPending)
        {
            stages.Add(Sentence.Of($"while the motion is pending"));
        }

        if (t.ThroughBoardAppealPeriod)
        {
            stages.Add(Sentence.Of($"through the Board appeal period"));
        }

        if (t.WhileBoardAppealPending)
        {
            stages.Add(Sentence.Of($"while a timely Board appeal is pending"));
        }

        if (t.ThroughPetitionPeriod)
        {
            stages.Add(Sentence.Of($"through the petition-for-review period"));
        }

        if (t.WhilePetitionStayMotionPending)
        {
            stages.Add(Sentence.Of($"while a stay motion with a timely petition is pending"));
        }

        var continues = stages.Count == 0 ? Sentence.Of($"no further") : Sentences.Listed(stages);
        return t.RecordsDueOn is { } due
            ? Sentence.Of($"motion to reopen due {t.MotionPeriodDays} days after A-file and record of proceedings are received; stay continues {continues}; the government must produce each member's A-file and record of proceedings by {due:yyyy-MM-dd}")
            : Sentence.Of($"motion to reopen due {t.MotionPeriodDays} days after A-file and record of proceedings are received; stay continues {continues}");
    }
}
