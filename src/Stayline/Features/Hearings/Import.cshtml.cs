using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Infrastructure;

namespace Stayline.Features.Hearings;

/// <summary>Adds hearings from a court list: paste or upload, preview every row, then add all or none.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class ImportModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>A court list larger than this is refused before it is read.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<HearingListRow>? Rows { get; private set; }
    public string? FileError { get; private set; }
    public int? Added { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool apply, CancellationToken ct)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxBytes)
            {
                FileError = $"The file is {file.Length / 1024 / 1024} MB; a court list may be at most {MaxBytes / 1024 / 1024} MB.";
                return Page();
            }

            using var reader = new StreamReader(file.OpenReadStream());
            Text = await reader.ReadToEndAsync(ct);
        }

        if (apply)
        {
            var (added, rows, error) = await HearingList.ApplyAsync(db, Text, clock.Today(), ct);
            (Rows, FileError) = (rows, error);
            if (error is null && rows.All(r => r.Error is null))
            {
                TempData["Flash"] = $"Added {added:N0} hearings; {rows.Count - added:N0} were already recorded.";
                return Redirect("/Hearings");
            }

            return Page();
        }

        (Rows, FileError) = await HearingList.PreviewAsync(db, Text, clock.Today(), ct);
        return Page();
    }
}
