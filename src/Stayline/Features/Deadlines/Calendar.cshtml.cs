using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;

namespace Stayline.Features.Deadlines;

/// <summary>Create, replace or revoke the secret address of the user's deadline feed.</summary>
public sealed class CalendarModel(StaylineDbContext db, TimeProvider clock, AuditActor actor, IStringLocalizer<Stayline.Resources.Strings> t) : PageModel
{
    public bool HasFeed { get; private set; }
    public DateTimeOffset? CreatedAt { get; private set; }
    public string? NewAddress { get; private set; }
    public bool MayHaveFeed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!CalendarFeeds.MayHaveFeed(Roles.All.Where(User.IsInRole)))
        {
            return Forbid();
        }

        var token = await CalendarFeeds.CreateAsync(db, actor.UserId!, clock.GetUtcNow(), ct);
        NewAddress = $"{Request.Scheme}://{Request.Host}{CalendarFeeds.Path(token)}";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await CalendarFeeds.RevokeAsync(db, actor.UserId!, clock.GetUtcNow(), ct);
        TempData["Flash"] = t["DLCal.Revoked"].Value;
        return Redirect("/Deadlines/Calendar");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MayHaveFeed = CalendarFeeds.MayHaveFeed(Roles.All.Where(User.IsInRole));
        var uid = actor.UserId;
        CreatedAt = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == uid && f.RevokedAt == null).Select(f => (DateTimeOffset?)f.CreatedAt).FirstOrDefaultAsync(ct);
        HasFeed = CreatedAt is not null;
    }
}
