using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;

namespace Stayline.Features.Bulk;

/// <summary>Recent bulk actions, newest first, each with Undo while nothing depends on it (the undo says what does).</summary>
[Authorize(Policy = Permissions.EditPeople)]
public sealed class HistoryModel(StaylineDbContext db, BulkUndo undo, AuditActor actor) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<BulkBatch> Batches { get; private set; } = [];
    /// <summary>The id to pass as <c>before</c> for the next (older) page, or null on the last page.</summary>
    public long? Older { get; private set; }
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(long? before, CancellationToken ct)
    {
        IsAdmin = User.IsInRole(Roles.Admin);
        var q = db.BulkBatches.AsNoTracking().AsQueryable();
        if (before is { } b)
        {
            q = q.Where(x => x.Id < b);
        }

        var rows = await q.OrderByDescending(x => x.Id).Take(PageSize + 1).ToListAsync(ct);
        Older = rows.Count > PageSize ? rows[PageSize - 1].Id : null;
        Batches = rows.Take(PageSize).ToList();
    }

    public bool MayUndo(BulkBatch b) => b.UndoneAt is null && BulkUndo.MayUndo(b, actor, IsAdmin);

    public async Task<IActionResult> OnPostUndoAsync(long id, CancellationToken ct)
    {
        var batch = await db.BulkBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        if (!BulkUndo.MayUndo(batch, actor, User.IsInRole(Roles.Admin)))
        {
            return Forbid();
        }

        var outcome = await undo.UndoAsync(id, ct);
        TempData["Flash"] = Resources.Strings.Say(outcome.Said);
        return RedirectToPage();
    }
}
