using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;

namespace Stayline.Features.Review;

/// <summary>Possible duplicates among known people, and imported rows waiting for a decision.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class IndexModel(ReviewService review) : PageModel
{
    public IReadOnlyList<DuplicateCandidate> Pairs { get; private set; } = [];
    public IReadOnlyList<PendingRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await review.PendingRowsAsync(ct);
        Pairs = await review.FindAsync(200, ct);
    }

    public async Task<IActionResult> OnPostRowAsync(long rowId, bool same, CancellationToken ct)
    {
        var outcome = await review.ResolveRowAsync(rowId, same, ct);
        TempData["Flash"] = Resources.Strings.Say(outcome.Said);
        return RedirectToPage();
    }
}
