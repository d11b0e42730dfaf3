using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;

using Stayline.Features.Shared;

namespace Stayline.Features.Protection;

/// <summary>A dated fact about a person (A-file received, boarded for removal...).</summary>
public sealed record EventWrite(PersonEventKind Kind, DateOnly? On, string? Description = null);

/// <summary>The decision on a matter's stay motion; FiledInTime records a timeliness finding (null: the dates decide).</summary>
/// <summary>The decision on a matter's stay motion and the findings on the filing: in time, and (Board appeals) accepted despite a waiver of appeal.</summary>
public sealed record StayDecisionWrite(StayMotionOutcome Outcome, DateOnly? DecidedOn, DateOnly? GrantedUntil = null, bool? FiledInTime = null,
    bool? AcceptedDespiteWaiver = null);

/// <summary>Findings on a filing without a stay motion: in time (null: the dates decide), and accepted despite a recorded waiver of appeal.</summary>
public sealed record MatterFindingsWrite(bool? FiledInTime = null, bool AcceptedDespiteWaiver = false);

/// <summary>A stay granted to one person.</summary>
public sealed record IndividualStayWrite(
    [property: JsonRequired] Adjudicator GrantedBy, DateOnly? GrantedOn, string? Court, string? CaseNumber, string? Title,
    DateOnly? LastDay = null, long? UntilDecisionOfMatter = null, DateOnly? LiftedOn = null);

/// <summary>
/// Writes of facts that protection depends on and that have no other home. Each is one SaveChanges: the
/// context recomputes the person in the same transaction and audits the change.
/// </summary>
public static class FactWrites
{
    public static async Task<IReadOnlyList<FieldError>?> RecordEventAsync(StaylineDbContext db, long personId, EventWrite write, DateOnly today, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return null;
        }

        var v = new Validation();
        v.Require(write.On is not null, "On", $"Give the date.");
        v.Require(write.On is null || write.On <= today, "On", $"Date {write.On:yyyy-MM-dd} is in the future.");
        v.Require(Enum.IsDefined(write.Kind), "Kind", $"Unknown event kind {write.Kind}.");
        if (!v.IsValid)
        {
            return v.Errors;
        }

        db.PersonEvents.Add(new PersonEvent(personId, write.Kind, write.On!.Value, write.Description));
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static async Task<IReadOnlyList<FieldError>?> RecordStayDecisionAsync(StaylineDbContext db, long matterId, StayDecisionWrite write, DateOnly today, CancellationToken ct)
    {
        var matter = await db.Matters.FirstOrDefaultAsync(m => m.Id == matterId, ct);
        if (matter is null)
        {
            return null;
        }

        var errors = matter.RecordStayDecision(write.Outcome, write.DecidedOn, write.GrantedUntil, today);
        if (errors.Count > 0)
        {
            return errors;
        }

        if (write.AcceptedDespiteWaiver is { } accepted)
        {
            errors = matter.RecordWaiverFinding(accepted);
            if (errors.Count > 0)
            {
                return errors;
            }
        }

        matter.RecordTimeliness(write.FiledInTime);
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Records the findings on a filing; unlike <see cref="RecordStayDecisionAsync"/> it never creates a stay motion.</summary>
    public static async Task<IReadOnlyList<FieldError>?> RecordFindingsAsync(StaylineDbContext db, long matterId, MatterFindingsWrite write, CancellationToken ct)
    {
        var matter = await db.Matters.FirstOrDefaultAsync(m => m.Id == matterId, ct);
        if (matter is null)
        {
            return null;
        }

        var errors = matter.RecordWaiverFinding(write.AcceptedDespiteWaiver);
        if (errors.Count > 0)
        {
            return errors;
        }

        matter.RecordTimeliness(write.FiledInTime);
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static async Task<(long? OrderId, IReadOnlyList<FieldError>? Errors)> RecordIndividualStayAsync(StaylineDbContext db, long personId,
        IndividualStayWrite write, DateOnly today, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return (null, null);
        }

        var v = new Validation();
        v.Require(write.GrantedOn is not null, "GrantedOn", $"Give the day the stay was granted.");
        v.Require(write.GrantedOn is null || write.GrantedOn <= today, "GrantedOn", $"Grant date {write.GrantedOn:yyyy-MM-dd} is in the future.");
        v.Require(write.UntilDecisionOfMatter is null || await db.Matters.AnyAsync(m => m.Id == write.UntilDecisionOfMatter && m.PersonId == personId, ct),
            "UntilDecisionOfMatter", $"Matter {write.UntilDecisionOfMatter} is not one of this person's matters.");
        var terms = new IndividualStayTerms(write.GrantedBy, write.LastDay, write.UntilDecisionOfMatter, write.LiftedOn);
        if (write.GrantedOn is { } granted)
        {
            foreach (var e in terms.Validate(granted))
            {
                v.Add(e.Field, e.Sentence);
            }
        }

        if (!v.IsValid)
        {
            return (null, v.Errors);
        }

        var order = new CourtOrder(null, personId, CourtOrderKind.IndividualStay, string.IsNullOrWhiteSpace(write.Court) ? Labels.Of(write.GrantedBy) : write.Court,
            write.CaseNumber, write.GrantedOn!.Value, string.IsNullOrWhiteSpace(write.Title) ? "Stay of removal" : write.Title, FactsReader.WriteTerms(terms));
        db.CourtOrders.Add(order);
        await db.SaveChangesAsync(ct);
        return (order.Id, []);
    }
}
