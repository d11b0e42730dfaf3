using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using Stayline.Features.Shared;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Protection;

/// <summary>Records the decision on a matter's stay motion (and a timeliness finding), which the protection engine reads.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class StayDecisionModel(StaylineDbContext db, TimeProvider clock, IStringLocalizer<Strings> t) : PageModel
{
    public long MatterId { get; private set; }
    public long PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    public string Label { get; private set; } = "";
    public StayMotionOutcome Outcome { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public DateOnly? GrantedUntil { get; private set; }
    public bool? FiledInTime { get; private set; }
    public bool AcceptedDespiteWaiver { get; private set; }
    public bool IsBoardAppeal { get; private set; }

    public async Task<IActionResult> OnGetAsync(long matterId, CancellationToken ct)
    {
        if (!await LoadAsync(matterId, ct))
        {
            return NotFound();
        }

        await HttpContext.AuditReadAsync(PersonId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long matterId, StayMotionOutcome outcome, DateOnly? decidedOn, DateOnly? grantedUntil, bool? filedInTime,
        bool acceptedDespiteWaiver, CancellationToken ct)
    {
        var write = new StayDecisionWrite(outcome, decidedOn, grantedUntil, filedInTime, acceptedDespiteWaiver);
        var errors = await FactWrites.RecordStayDecisionAsync(db, matterId, write, clock.Today(), ct);
        if (errors is null || !await LoadAsync(matterId, ct))
        {
            return NotFound();
        }

        if (errors.Count > 0)
        {
            ApiErrors.AddTo(ModelState, errors, prefix: "");
            return Page();
        }

        TempData["Flash"] = t["StayD.Recorded"].Value;
        return Redirect($"/People/Details?id={PersonId}");
    }

    private async Task<bool> LoadAsync(long matterId, CancellationToken ct)
    {
        var m = await db.Matters.AsNoTracking().Where(x => x.Id == matterId)
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { Matter = x, p.GivenName, p.FamilyName }).FirstOrDefaultAsync(ct);
        if (m is null)
        {
            return false;
        }

        MatterId = matterId;
        PersonId = m.Matter.PersonId;
        PersonName = $"{m.GivenName} {m.FamilyName}";
        Label = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["StayD.Label"], Labels.Local(m.Matter.Kind), Display.LocalDate(m.Matter.FiledOn));
        Outcome = m.Matter.StayOutcome;
        DecidedOn = m.Matter.StayDecidedOn;
        GrantedUntil = m.Matter.StayGrantedUntil;
        FiledInTime = m.Matter.FiledInTime;
        AcceptedDespiteWaiver = m.Matter.AcceptedDespiteWaiver;
        IsBoardAppeal = m.Matter.Kind == MatterKind.BiaAppeal;
        return true;
    }
}
