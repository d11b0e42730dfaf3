using Stayline.Domain.Common;
using Stayline.Domain.People;

namespace Stayline.Domain.Matters;

/// <summary>The protection from removal a person claims. Each has its own standard and bars, so they are recorded apart.</summary>
public enum ReliefKind
{
    /// <summary>INA 208, 8 U.S.C. 1158: discretionary; one-year filing limit with exceptions, 208(a)(2)(B),(D).</summary>
    Asylum,
    /// <summary>INA 241(b)(3), 8 U.S.C. 1231(b)(3): mandatory if more likely than not; barred by a particularly serious crime.</summary>
    WithholdingOfRemoval,
    /// <summary>Convention Against Torture, withholding: 8 CFR 1208.16(c); the same criminal bars as statutory withholding.</summary>
    CatWithholding,
    /// <summary>Convention Against Torture, deferral: 8 CFR 1208.17(a); no criminal bar.</summary>
    CatDeferral,
}

/// <summary>The grounds of INA 101(a)(42)(A) on which asylum and statutory withholding rest; the Convention Against Torture needs none.</summary>
[Flags]
public enum ProtectedGrounds
{
    None = 0,
    Race = 1,
    Religion = 2,
    Nationality = 4,
    PoliticalOpinion = 8,
    ParticularSocialGroup = 16,
}

public enum ReliefStatus
{
    /// <summary>Being prepared (e.g. with a motion to reopen on changed country conditions).</summary>
    Contemplated,
    Filed,
    Granted,
    Denied,
    Withdrawn,
}

public sealed record ReliefClaimInput(ReliefKind Kind, ProtectedGrounds Grounds, string? Basis, string? Country = null, ReliefStatus Status = ReliefStatus.Contemplated,
    DateOnly? FiledOn = null, DateOnly? DecidedOn = null, long? MatterId = null);

/// <summary>
/// A claim for asylum, withholding of removal or protection under the Convention Against Torture, with its basis: the
/// protected grounds and the facts in a sentence (e.g. "Chaldean Christian; threatened by militias in Nineveh"), the
/// country of feared harm, and the proceeding it is raised in (often a motion to reopen on changed country conditions).
/// </summary>
public sealed class ReliefClaim : IVersioned
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public long? MatterId { get; private set; }
    public ReliefKind Kind { get; private set; }
    public ProtectedGrounds Grounds { get; private set; }
    public string Basis { get; private set; } = "";
    public string? Country { get; private set; }
    public ReliefStatus Status { get; private set; }
    public DateOnly? FiledOn { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public int Version { get; set; }

    private ReliefClaim()
    {
    }

    public static (ReliefClaim? Claim, IReadOnlyList<FieldError> Errors) Create(long personId, ReliefClaimInput input, DateOnly today)
    {
        var c = new ReliefClaim { PersonId = personId };
        var errors = c.Update(input, today);
        return errors.Count == 0 ? (c, errors) : (null, errors);
    }

    public IReadOnlyList<FieldError> Update(ReliefClaimInput input, DateOnly today)
    {
        const ProtectedGrounds all = ProtectedGrounds.Race | ProtectedGrounds.Religion | ProtectedGrounds.Nationality | ProtectedGrounds.PoliticalOpinion
            | ProtectedGrounds.ParticularSocialGroup;
        var cat = input.Kind is ReliefKind.CatWithholding or ReliefKind.CatDeferral;
        var v = new Validation();
        v.Require(Enum.IsDefined(input.Kind), nameof(input.Kind), $"Unknown kind of relief \"{input.Kind}\".");
        v.Require(Enum.IsDefined(input.Status), nameof(input.Status), $"Unknown status \"{input.Status}\".");
        v.Require((input.Grounds & ~all) == 0, nameof(input.Grounds), $"Unknown protected ground value {(int)input.Grounds}.");
        v.Require(!cat || input.Grounds == ProtectedGrounds.None, nameof(input.Grounds),
            $"The Convention Against Torture protects without a protected ground (8 CFR 1208.16(c), 1208.17): leave the grounds empty.");
        v.Require(cat || input.Grounds != ProtectedGrounds.None, nameof(input.Grounds),
            $"Asylum and withholding rest on race, religion, nationality, political opinion or a particular social group (INA 101(a)(42)(A)): choose at least one.");
        v.Require(!string.IsNullOrWhiteSpace(input.Basis), nameof(input.Basis), $"Say in a sentence what the claim rests on (who is feared, and why).");
        v.Require(input.Basis is null || input.Basis.Length <= 2000, nameof(input.Basis), $"The basis is longer than 2,000 characters.");
        v.Require(input.Status is ReliefStatus.Contemplated || input.FiledOn is not null, nameof(input.FiledOn), $"Give the day the claim was filed.");
        v.Require(input.Status is not ReliefStatus.Contemplated || input.FiledOn is null, nameof(input.FiledOn), $"A claim with a filing date is filed: choose its status.");
        v.Require(input.Status is ReliefStatus.Granted or ReliefStatus.Denied or ReliefStatus.Withdrawn || input.DecidedOn is null, nameof(input.DecidedOn),
            $"A decision date is recorded once the claim is granted, denied or withdrawn.");
        v.Require(input.Status is not (ReliefStatus.Granted or ReliefStatus.Denied) || input.DecidedOn is not null, nameof(input.DecidedOn), $"Give the day of the decision.");
        v.Require(input.FiledOn is null || input.FiledOn <= today, nameof(input.FiledOn), $"Filing date {input.FiledOn:yyyy-MM-dd} is in the future.");
        v.Require(input.DecidedOn is null || input.DecidedOn <= today, nameof(input.DecidedOn), $"Decision date {input.DecidedOn:yyyy-MM-dd} is in the future.");
        v.Require(input.DecidedOn is null || input.FiledOn is null || input.DecidedOn >= input.FiledOn, nameof(input.DecidedOn),
            $"The decision ({input.DecidedOn:yyyy-MM-dd}) cannot come before the filing ({input.FiledOn:yyyy-MM-dd}).");
        if (!v.IsValid)
        {
            return v.Errors;
        }

        Kind = input.Kind;
        Grounds = input.Grounds;
        Basis = input.Basis!.Trim();
        Country = string.IsNullOrWhiteSpace(input.Country) ? null : input.Country.Trim();
        Status = input.Status;
        FiledOn = input.FiledOn;
        DecidedOn = input.DecidedOn;
        MatterId = input.MatterId;
        return [];
    }

    public ReliefClaimInput ToInput() => new(Kind, Grounds, Basis, Country, Status, FiledOn, DecidedOn, MatterId);

    // The citations of the conviction caution are values of its sentence: they stay as written in every language.
    private const string AsylumBar = "INA 208(b)(2)(A)(ii), (B)(i)";
    private const string WithholdingBar = "INA 241(b)(3)(B)(ii); 8 CFR 1208.16(d)(2)";
    private const string DeferralNoBar = "8 CFR 1208.17(a)";

    /// <summary>
    /// What a recorded conviction means for this kind of relief, for the drafter to check (Stayline does not decide
    /// whether an offence is an aggravated felony or a particularly serious crime). Null when nothing to say.
    /// </summary>
    public static Sentence? ConvictionCaution(ReliefKind kind) => kind switch
    {
        ReliefKind.Asylum => Sentence.Of($"A conviction is recorded: an aggravated felony is a particularly serious crime that bars asylum ({AsylumBar}); check it, and consider withholding and CAT deferral."),
        ReliefKind.WithholdingOfRemoval or ReliefKind.CatWithholding =>
            Sentence.Of($"A conviction is recorded: a particularly serious crime bars withholding ({WithholdingBar}); CAT deferral has no criminal bar ({DeferralNoBar})."),
        _ => null,
    };
}
