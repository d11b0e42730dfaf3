using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Domain.Hotline;

namespace Stayline.Features.Intake;

/// <summary>The intake queue: hotline reports with the linkage engine's suggestion, accepted or rejected here.</summary>
[Authorize(Policy = Permissions.EditPeople)]
public sealed class IndexModel(IntakeService intake) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public HotlineReportStatus? Status { get; set; } = HotlineReportStatus.New;

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public IntakePage<IntakeRow> Reports { get; private set; } = new(0, 0, PageSize, []);

    public async Task OnGetAsync(CancellationToken ct) => Reports = await intake.QueueAsync(Status, Skip, PageSize, ct);

    public async Task<IActionResult> OnPostAcceptAsync(long id, long? personId, bool createPerson, string? note, CancellationToken ct)
    {
        var outcome = await intake.AcceptAsync(id, personId, createPerson, note, ct);
        TempData["Flash"] = Resources.Strings.Say(outcome.Said);
        return outcome.Done && outcome.PersonId is { } p ? Redirect($"/People/Details?id={p}") : Redirect("/Intake");
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, string? note, CancellationToken ct)
    {
        TempData["Flash"] = Resources.Strings.Say((await intake.RejectAsync(id, note, ct)).Said);
        return Redirect("/Intake");
    }
}
