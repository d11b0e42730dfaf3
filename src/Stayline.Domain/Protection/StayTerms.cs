using Stayline.Domain.Matters;

namespace Stayline.Domain.Protection;

/// <summary>
/// The typed terms of a stay granted to one person (a court order of kind IndividualStay); the order's date is
/// the day granted. Maps onto <see cref="IndividualStayFacts"/>.
/// </summary>
/// <param name="UntilDecisionOfMatter">The stay lasts until this matter (its database id) is decided.</param>
public sealed record IndividualStayTerms(Adjudicator GrantedBy, DateOnly? LastDay = null, long? UntilDecisionOfMatter = null, DateOnly? LiftedOn = null)
{
    public IReadOnlyList<Common.FieldError> Validate(DateOnly grantedOn)
    {
        var v = new Common.Validation();
        v.Require(LastDay is null || LastDay >= grantedOn, nameof(LastDay), $"The stay's last day {LastDay:yyyy-MM-dd} is before it was granted ({grantedOn:yyyy-MM-dd}).");
        v.Require(LiftedOn is null || LiftedOn >= grantedOn, nameof(LiftedOn), $"The stay cannot be lifted on {LiftedOn:yyyy-MM-dd}, before it was granted ({grantedOn:yyyy-MM-dd}).");
        return v.Errors;
    }
}
