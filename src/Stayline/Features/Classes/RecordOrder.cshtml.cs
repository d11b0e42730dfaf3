using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Protection;
using Stayline.Features.Shared;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Classes;

/// <summary>Admin form for a class-wide stay order with typed terms (motion period and the stages it covers).</summary>
[Authorize(Policy = Permissions.Administer)]
public sealed class RecordOrderModel(StaylineDbContext db, TimeProvider clock, IStringLocalizer<Strings> t) : PageModel
{
    public long ClassId { get; private set; }
    public string ClassName { get; private set; } = "";
    public ClassOrderWrite Input { get; private set; } = new(null, null, null, null, ClassStayTerms.HamamaLike.MotionPeriodDays);

    /// <summary>The stages the stay covers, by field name; their labels are the resources "Cls.Flag.{Name}".</summary>
    public IEnumerable<(string Name, bool Value)> Flags =>
    [
        (nameof(ClassOrderWrite.WhileMotionPending), Input.WhileMotionPending),
        (nameof(ClassOrderWrite.ThroughBoardAppealPeriod), Input.ThroughBoardAppealPeriod),
        (nameof(ClassOrderWrite.WhileBoardAppealPending), Input.WhileBoardAppealPending),
        (nameof(ClassOrderWrite.ThroughPetitionPeriod), Input.ThroughPetitionPeriod),
        (nameof(ClassOrderWrite.WhilePetitionStayMotionPending), Input.WhilePetitionStayMotionPending),
    ];

    public async Task<IActionResult> OnGetAsync(long classId, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct))
        {
            return NotFound();
        }

        Input = Input with { IssuedOn = clock.Today() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long classId, ClassOrderWrite input, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct))
        {
            return NotFound();
        }

        Input = input;
        var (_, errors) = await ClassOrders.RecordAsync(db, classId, input, clock.Today(), ct);
        if (errors is { Count: > 0 })
        {
            ApiErrors.AddTo(ModelState, errors, prefix: "");
            return Page();
        }

        TempData["Flash"] = t["Cls.Recorded"].Value;
        return Redirect($"/Classes/Details?id={classId}");
    }

    private async Task<bool> LoadAsync(long classId, CancellationToken ct)
    {
        var c = await db.ClassActions.AsNoTracking().Where(x => x.Id == classId).Select(x => new { x.Name, x.Court, x.CaseNumber }).FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return false;
        }

        ClassId = classId;
        ClassName = c.Name;
        Input = Input with { Court = c.Court, CaseNumber = c.CaseNumber };
        return true;
    }
}
