using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Work;
using Stayline.Features.Protection;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Deadlines;

/// <summary>Admin closures feed the court calendar; adding or removing one recomputes everyone in the same transaction.</summary>
[Authorize(Policy = Permissions.Administer)]
public sealed class ClosuresModel(StaylineDbContext db, ProtectionRecompute recompute, TimeProvider clock, AuditActor actor, IStringLocalizer<Stayline.Resources.Strings> t) : PageModel
{
    public IReadOnlyList<CourtClosureDay> Closures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Closures = await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(DateOnly? date, string? court, string? reason, CancellationToken ct)
    {
        if (date is null || date < CourtCalendar.FirstDay || date > CourtCalendar.LastDay)
        {
            ModelState.AddModelError("", string.Format(CultureInfo.CurrentCulture, t["DLClo.GiveDate"], Display.LocalDate(CourtCalendar.FirstDay), Display.LocalDate(CourtCalendar.LastDay)));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError("", t["DLClo.GiveReason"]);
        }

        if (!ModelState.IsValid)
        {
            Closures = await LoadAsync(ct);
            return Page();
        }

        var closure = new CourtClosureDay
        {
            Date = date!.Value,
            Court = string.IsNullOrWhiteSpace(court) ? null : new CourtId(court).Value,
            Reason = reason!.Trim(),
            AddedBy = actor.UserName,
            AddedAt = clock.GetUtcNow(),
        };
        await ChangeAsync(() => db.CourtClosures.Add(closure), "create", closure, ct);
        TempData["Flash"] = t["DLClo.Added"].Value;
        return Redirect("/Deadlines/Closures");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (await db.CourtClosures.FirstOrDefaultAsync(c => c.Id == id, ct) is { } closure)
        {
            await ChangeAsync(() => db.CourtClosures.Remove(closure), "delete", closure, ct);
            TempData["Flash"] = t["DLClo.Removed"].Value;
        }

        return Redirect("/Deadlines/Closures");
    }

    private async Task ChangeAsync(Action change, string action, CourtClosureDay closure, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        change();
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, action, nameof(CourtClosureDay), null, null, null,
            string.Create(CultureInfo.InvariantCulture, $"{closure.Date:yyyy-MM-dd} {closure.Court ?? "all courts"}: {closure.Reason}")));
        await db.SaveChangesAsync(ct);
        await recompute.RecomputeAllAsync(db, clock.Today(), ct);
        await tx.CommitAsync(ct);
    }

    private async Task<IReadOnlyList<CourtClosureDay>> LoadAsync(CancellationToken ct) =>
        await db.CourtClosures.AsNoTracking().OrderByDescending(c => c.Date).ToListAsync(ct);
}
