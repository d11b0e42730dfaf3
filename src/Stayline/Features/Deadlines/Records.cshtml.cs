using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Deadlines;

[Authorize(Policy = Permissions.EditLegal)]
public sealed class RecordsModel(StaylineDbContext db, TimeProvider clock, IStringLocalizer<Strings> t) : PageModel
{
    public PersonEventKind Kind { get; private set; } = PersonEventKind.AFileReceived;
    public DateOnly? On { get; private set; }
    public string? ANumbers { get; private set; }
    public IReadOnlyList<BulkLine>? Lines { get; private set; }

    public void OnGet() => On = clock.Today();

    public async Task OnPostPreviewAsync(PersonEventKind kind, DateOnly? on, string? aNumbers, CancellationToken ct)
    {
        (Kind, On, ANumbers) = (kind, on, aNumbers);
        Lines = await BulkRecords.PreviewAsync(db, aNumbers, kind, on, ct);
    }

    public async Task<IActionResult> OnPostApplyAsync(PersonEventKind kind, DateOnly? on, string? aNumbers, CancellationToken ct)
    {
        (Kind, On, ANumbers) = (kind, on, aNumbers);
        var result = await BulkRecords.ApplyAsync(db, aNumbers, kind, on, clock, ct);
        if (result.HasErrors)
        {
            Lines = result.Lines.Where(l => l.Line > 0).ToList();
            foreach (var general in result.Lines.Where(l => l.Line == 0))
            {
                ModelState.AddModelError("", Resources.Strings.Say(general.Problem!));
            }

            ModelState.AddModelError("", t["DLRec.NothingRecorded"]);
            return Page();
        }

        TempData["Flash"] = string.Format(CultureInfo.CurrentCulture, t["DLRec.Done"], result.Recorded, result.Lines.Count - result.Recorded)
            + (result.BatchId is null ? "" : t["DLRec.Undo"].Value);
        return Redirect("/Deadlines/Records");
    }
}
