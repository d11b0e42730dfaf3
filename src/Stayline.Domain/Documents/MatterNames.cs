using Stayline.Domain.Matters;

namespace Stayline.Domain.Documents;

/// <summary>How a kind of matter is named in drafts and reports.</summary>
public static class MatterNames
{
    public static string Of(MatterKind kind) => kind switch
    {
        MatterKind.HabeasPetition => "habeas petition",
        MatterKind.MotionToReopenIj => "motion to reopen (IJ)",
        MatterKind.MotionToReopenBia => "motion to reopen (BIA)",
        MatterKind.MotionToReconsiderIj => "motion to reconsider (IJ)",
        MatterKind.MotionToReconsiderBia => "motion to reconsider (BIA)",
        MatterKind.StayMotion => "stay motion",
        MatterKind.BiaAppeal => "BIA appeal",
        MatterKind.PetitionForReview => "petition for review",
        MatterKind.BondHearing => "bond hearing",
        MatterKind.FoiaRequest => "FOIA request",
        _ => kind.ToString(),
    };
}
