using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Features.Shared;
using Stayline.Resources;

namespace Stayline.Features.Board;

/// <summary>The volunteer case board: open posts by district, each a card a volunteer can claim.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class IndexModel(BoardService board, AuditActor actor, StaylineDbContext db, TimeProvider clock, IStringLocalizer<Strings> t) : PageModel
{
    public const int PageSize = 100;

    /// <summary>A post's needs ("habeas", "motion", "bond") in the reader's words; a need the board does not know stays as stored.</summary>
    public static string Needs(IEnumerable<string> needs, IStringLocalizer t) =>
        Display.List(needs.Select(n => Display.Text(t, "Bo.Need." + n, n)));

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public BoardPage Board { get; private set; } = new([], [], 0);
    public ProfileDto? Me { get; private set; }

    /// <summary>Checks of the reader's organisation on people posted on the board that wait for a decision (a claim stops on them).</summary>
    public IReadOnlyList<Organisations.ConflictCheckDto> PendingChecks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var district = string.IsNullOrWhiteSpace(District) ? null : Domain.Custody.FederalDistricts.FindLoose(District)?.Name ?? District.Trim();
        Board = await board.OpenAsync(district, (PageNumber - 1) * PageSize, PageSize, ct);
        Me = User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await board.ProfileAsync(id, ct) : null;
        var reader = db.Visibility;
        PendingChecks = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.ConflictChecks.Where(c =>
                c.Decision == null && c.OrganisationId == reader.OrganisationId
                && db.CasePosts.Any(p => p.PersonId == c.PersonId && p.Status == Domain.Board.CasePostStatus.Open))
            .OrderByDescending(c => c.Id).Take(20), ct)).ConvertAll(Organisations.ConflictChecks.ToDto);
    }

    /// <summary>Decides a check the reader's organisation ran for a claim; the volunteer then claims again.</summary>
    public async Task<IActionResult> OnPostConflictDecisionAsync(long checkId, Domain.Organisations.ConflictDecision? decision, string? reason, CancellationToken ct)
    {
        var (check, error) = await Organisations.ConflictChecks.DecideAsync(db, checkId, decision, reason, actor, clock.GetUtcNow(), ct);
        if (check is null)
        {
            return NotFound();
        }

        TempData["Flash"] = error is null ? t["Bo.DecisionRecorded"].Value : Resources.Strings.Say(error);
        return RedirectToPage("/Board/Index", new { District });
    }

    public async Task<IActionResult> OnPostClaimAsync(long id, CancellationToken ct)
    {
        var result = await board.ClaimAsync(id, actor, ct);
        TempData["Flash"] = Resources.Strings.Say(result.Said);
        return result.Outcome == BoardOutcome.Done && await board.DetailsAsync(id, ct) is { PersonId: { } person }
            ? Redirect($"/People/Details?id={person}")
            : RedirectToPage("/Board/Index", new { District });
    }
}
