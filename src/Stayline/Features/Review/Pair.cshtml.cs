using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Infrastructure;

namespace Stayline.Features.Review;

/// <summary>Two records side by side with the evidence per field; merge (previewed here) or "not the same person".</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class PairModel(ReviewService review) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Left { get; set; }

    [BindProperty(SupportsGet = true)]
    public long Right { get; set; }

    public PairView? View { get; private set; }
    public ReviewOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await review.CompareAsync(Left, Right, ct);
        if (View is null)
        {
            return NotFound();
        }

        await HttpContext.AuditReadAsync([View.Left.Id, View.Right.Id], "view", ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken ct)
    {
        Outcome = await review.MergeAsync(Left, Right, ct);
        if (!Outcome.Done)
        {
            View = await review.CompareAsync(Left, Right, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostNotSameAsync(CancellationToken ct)
    {
        TempData["Flash"] = Resources.Strings.Say((await review.NotSameAsync(Left, Right, ct)).Said);
        return Redirect("/Review");
    }

    public async Task<IActionResult> OnPostUndoMergeAsync(long mergeId, CancellationToken ct)
    {
        TempData["Flash"] = Resources.Strings.Say((await review.UndoMergeAsync(mergeId, ct)).Said);
        return Redirect("/Review");
    }
}
