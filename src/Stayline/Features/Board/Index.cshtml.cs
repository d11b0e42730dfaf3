using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;

namespace Stayline.Features.Board;

/// <summary>The volunteer case board: open posts by district, each a card a volunteer can claim.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class IndexModel(BoardService board, AuditActor actor) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public BoardPage Board { get; private set; } = new([], [], 0);
    public ProfileDto? Me { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var district = string.IsNullOrWhiteSpace(District) ? null : Domain.Custody.FederalDistricts.FindLoose(District)?.Name ?? District.Trim();
        Board = await board.OpenAsync(district, (PageNumber - 1) * PageSize, PageSize, ct);
        Me = User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await board.ProfileAsync(id, ct) : null;
    }

    public async Task<IActionResult> OnPostClaimAsync(long id, CancellationToken ct)
    {
        var result = await board.ClaimAsync(id, actor, ct);
        TempData["Flash"] = result.Message;
        return result.Outcome == BoardOutcome.Done && await board.DetailsAsync(id, ct) is { PersonId: { } person }
            ? Redirect($"/People/Details?id={person}")
            : RedirectToPage("/Board/Index", new { District });
    }
}
