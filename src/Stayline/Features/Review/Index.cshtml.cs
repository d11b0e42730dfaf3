using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;

namespace Stayline.Features.Review;

/// <summary>Possible duplicates among known people, and imported rows waiting for a decision.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class IndexModel(ReviewService review) : PageModel
{
    public DuplicatesPage Duplicates { get; private set; } = new([], null, 0, false, null);
    public IReadOnlyList<PendingRow> Rows { get; private set; } = [];

    /// <summary>Where the page of pairs starts (the previous page's last pair; none: the best).</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await review.PendingRowsAsync(ct);
        Duplicates = await review.DuplicatesAsync(After, 50, ct);
    }

    public async Task<IActionResult> OnPostRowAsync(long rowId, bool same, CancellationToken ct)
    {
        var outcome = await review.ResolveRowAsync(rowId, same, ct);
        TempData["Flash"] = Resources.Strings.Say(outcome.Said);
        return RedirectToPage();
    }
}
