using Stayline.Domain.Common;
using Stayline.Domain.Protection;

namespace Stayline.Domain.Matters;

/// <summary>A final order of removal.</summary>
public sealed class RemovalOrder
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public DateOnly OrderedOn { get; private set; }
    public Adjudicator IssuedBy { get; private set; }
    public bool InAbsentia { get; private set; }
    public bool AppealWaived { get; private set; }
    /// <summary>Appeal reserved at the hearing. Neither waived nor reserved: not recorded, and protection during the appeal period is unknown.</summary>
    public bool AppealReserved { get; private set; }
    public string? CountryDesignated { get; private set; }
    /// <summary>Deportation, exclusion or removal proceedings; Unknown when not recorded (derived from the date where that is safe).</summary>
    public ProceedingType Proceeding { get; private set; }

    public AppealRight Appeal => AppealWaived ? AppealRight.Waived : AppealReserved ? AppealRight.Reserved : AppealRight.Unknown;

    private RemovalOrder()
    {
    }

    public static (RemovalOrder? Order, IReadOnlyList<FieldError> Errors) Create(long personId, DateOnly orderedOn, Adjudicator issuedBy,
        bool inAbsentia, bool appealWaived, string? country, DateOnly today, bool appealReserved = false,
        ProceedingType proceeding = ProceedingType.Unknown)
    {
        var v = new Validation();
        v.Require(!(appealWaived && appealReserved), "AppealReserved", $"Appeal cannot be both waived and reserved.");
        v.Require(!(appealReserved && inAbsentia), "AppealReserved", $"No appeal lies from an in absentia order; record a motion to reopen instead.");
        v.Require(orderedOn <= today, "OrderedOn", $"Order date {orderedOn:yyyy-MM-dd} is in the future.");
        v.Require(issuedBy is Adjudicator.ImmigrationJudge or Adjudicator.Board, "IssuedBy", $"A removal order is issued by an immigration judge or the Board.");
        v.Require(!(inAbsentia && issuedBy == Adjudicator.Board), "InAbsentia", $"Only an immigration judge orders removal in absentia.");
        // IIRIRA 309(a),(c): removal proceedings exist from 1997-04-01; deportation and exclusion cases begun before it
        // could end later, so only this direction is impossible.
        v.Require(!(proceeding == ProceedingType.Removal && orderedOn < new DateOnly(1997, 4, 1)), "Proceeding",
            $"Removal proceedings began on 1997-04-01; an order of {orderedOn:yyyy-MM-dd} ended deportation or exclusion proceedings.");
        return v.IsValid
            ? (new RemovalOrder
            {
                PersonId = personId,
                OrderedOn = orderedOn,
                IssuedBy = issuedBy,
                InAbsentia = inAbsentia,
                AppealWaived = appealWaived,
                AppealReserved = appealReserved,
                Proceeding = proceeding,
                CountryDesignated = string.IsNullOrWhiteSpace(country) ? null : country.Trim(),
            }, v.Errors)
            : (null, v.Errors);
    }
}
