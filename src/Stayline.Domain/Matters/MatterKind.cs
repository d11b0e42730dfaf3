namespace Stayline.Domain.Matters;

/// <summary>One legal proceeding or filing about a person.</summary>
public enum MatterKind
{
    HabeasPetition,
    MotionToReopenIj,
    MotionToReopenBia,
    MotionToReconsiderIj,
    MotionToReconsiderBia,
    StayMotion,
    BiaAppeal,
    PetitionForReview,
    BondHearing,
    FoiaRequest,
}

public enum MatterStatus
{
    Drafting,
    Filed,
    Pending,
    Granted,
    Denied,
    Withdrawn,
}

/// <summary>Who decides: the body a matter is before, or that issued an order.</summary>
public enum Adjudicator
{
    ImmigrationJudge,
    Board,
    DistrictCourt,
    CourtOfAppeals,
    Dhs,
}

public static class MatterKindExtensions
{
    /// <summary>How lawyers write the kind of matter.</summary>
    public static string DisplayName(this MatterKind kind) => kind switch
    {
        MatterKind.HabeasPetition => "Habeas petition",
        MatterKind.MotionToReopenIj => "Motion to reopen (IJ)",
        MatterKind.MotionToReopenBia => "Motion to reopen (BIA)",
        MatterKind.MotionToReconsiderIj => "Motion to reconsider (IJ)",
        MatterKind.MotionToReconsiderBia => "Motion to reconsider (BIA)",
        MatterKind.StayMotion => "Motion for a stay of removal",
        MatterKind.BiaAppeal => "Appeal to the BIA",
        MatterKind.PetitionForReview => "Petition for review",
        MatterKind.BondHearing => "Bond hearing",
        MatterKind.FoiaRequest => "FOIA request (A-file)",
        _ => kind.ToString(),
    };
}

public static class MatterStatusExtensions
{
    /// <summary>Filed and not yet decided or withdrawn.</summary>
    public static bool IsPending(this MatterStatus status) => status is MatterStatus.Filed or MatterStatus.Pending;

    public static bool IsDecided(this MatterStatus status) => status is MatterStatus.Granted or MatterStatus.Denied;
}
