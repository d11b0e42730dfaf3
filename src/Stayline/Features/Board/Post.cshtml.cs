using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Board;

namespace Stayline.Features.Board;

/// <summary>Posting a person's case on the board (coordinators: admins of the person's organisation).</summary>
[Authorize(Policy = Permissions.Administer)]
public sealed class PostModel(BoardService board, StaylineDbContext db, AuditActor actor) : PageModel
{
    public sealed record InputModel
    {
        public bool Habeas { get; init; }
        public bool Motion { get; init; }
        public bool Bond { get; init; }
        public string? Languages { get; init; }
    }

    [BindProperty(SupportsGet = true)]
    public long PersonId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string PersonName { get; private set; } = "";
    public string? Facility { get; private set; }
    public string? District { get; private set; }
    public long? OpenPost { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input = new InputModel { Habeas = true, Languages = await db.People.Where(p => p.Id == PersonId).Select(p => p.Languages).FirstOrDefaultAsync(ct) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var needs = (Input.Habeas ? CaseNeeds.Habeas : 0) | (Input.Motion ? CaseNeeds.Motion : 0) | (Input.Bond ? CaseNeeds.Bond : 0);
        var result = await board.PostAsync(PersonId, needs, Input.Languages, actor, ct);
        if (result.Outcome == BoardOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome != BoardOutcome.Done)
        {
            Error = Resources.Strings.Say(result.Said);
            return Page();
        }

        TempData["Flash"] = Resources.Strings.Say(result.Said);
        return Redirect($"/Board/Details?id={result.PostId}");
    }

    /// <summary>The person through the visibility filter (another organisation's client: not found).</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var p = await db.People.AsNoTracking().Where(x => x.Id == PersonId)
            .Select(x => new { x.GivenName, x.FamilyName, x.CurrentFacilityId }).FirstOrDefaultAsync(ct);
        if (p is null)
        {
            return false;
        }

        PersonName = $"{p.GivenName} {p.FamilyName}".Trim();
        var f = p.CurrentFacilityId is { } fid ? await db.Facilities.AsNoTracking().Where(x => x.Id == fid).Select(x => new { x.Name, x.District }).FirstOrDefaultAsync(ct) : null;
        Facility = f?.Name;
        District = f?.District;
        OpenPost = await board.OpenPostOfAsync(PersonId, ct);
        return true;
    }
}
