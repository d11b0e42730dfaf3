using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;

using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Import;

/// <summary>Upload a list (CSV or XLSX); a dry run previews it, then the user imports it; past imports can be undone.</summary>
[Authorize(Policy = Permissions.EditPeople)]
[RequestSizeLimit(UploadLimit.MaxBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit.MaxBodyBytes)]
public sealed class IndexModel(StaylineDbContext db, ImportJobs jobs, ImportUndo undo, ImportHeld held, AuditActor actor, IStringLocalizer<Strings> t) : PageModel
{
    public IReadOnlyList<ImportBatch> Batches { get; private set; } = [];

    /// <summary>Rows held for a facility to be chosen, and the catalogue to choose from.</summary>
    public IReadOnlyList<HeldRow> Held { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Facilities { get; private set; } = [];

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Batches = await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(50).ToListAsync(ct);
        Held = await held.PendingAsync(ct: ct);
        Facilities = Held.Count == 0 ? [] : await Shared.Lookups.FacilitiesAsync(db, ct);
    }

    /// <summary>Imports a held row at the chosen facility.</summary>
    public async Task<IActionResult> OnPostPlaceAsync(long rowId, long? facilityId, CancellationToken ct)
    {
        TempData["Flash"] = Resources.Strings.Say((await held.PlaceAsync(rowId, facilityId, ct)).Said);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Upload), t["Imp.ChooseFile"]);
            await OnGetAsync(ct);
            return Page();
        }

        var ext = Path.GetExtension(Upload.FileName) is { Length: > 0 and <= 5 } e ? e : ".csv";
        var path = Path.Combine(OwnerOnlyFiles.PrivateFolder(jobs.UploadFolder), Guid.NewGuid().ToString("N") + ext);
        await using (var target = System.IO.File.Create(path))
        {
            await Upload.CopyToAsync(target, ct);
        }

        var id = await jobs.StartAsync(actor, path, new ImportOptions
        {
            Source = string.IsNullOrWhiteSpace(Source) ? "upload" : Source.Trim(),
            FileName = Path.GetFileName(Upload.FileName),
            DryRun = true,
        }, ct);
        return Redirect($"/Import/Progress?id={id}");
    }

    public async Task<IActionResult> OnPostUndoAsync(long batchId, CancellationToken ct)
    {
        TempData["Flash"] = Resources.Strings.Say((await undo.UndoAsync(batchId, ct)).Said);
        return RedirectToPage();
    }
}
