using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stayline.Features.Board;

/// <summary>One post for its coordinators: the card, the suggested attorneys, and withdrawing it.</summary>
[Authorize(Policy = Data.Permissions.Administer)]
public sealed class DetailsModel(BoardService board) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public CardDto Card { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    public IReadOnlyList<SuggestionDto> Suggestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await board.DetailsAsync(Id, ct) is not { } card)
        {
            return NotFound();
        }

        Card = card;
        IsOpen = (await board.PostEntityAsync(Id, ct))?.IsOpen == true;
        Suggestions = await board.SuggestAsync(Id, ct) ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        var result = await board.WithdrawAsync(Id, ct);
        if (result.Outcome == BoardOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = Resources.Strings.Say(result.Said);
        return RedirectToPage("/Board/Details", new { Id });
    }
}
