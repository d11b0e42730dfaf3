using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Hearings;

/// <summary>Adds hearings from a court list: paste or upload, preview every row, then add all or none.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class ImportModel(StaylineDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Stayline.Resources.Strings> t) : PageModel
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
                FileError = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["HeImp.TooBig"], file.Length / 1024 / 1024, MaxBytes / 1024 / 1024);
                return Page();
            }

            using var reader = new StreamReader(file.OpenReadStream());
            Text = await reader.ReadToEndAsync(ct);
        }

        if (apply)
        {
            var (added, rows, error) = await HearingList.ApplyAsync(db, Text, clock.Today(), ct);
            (Rows, FileError) = (rows, Said(error));
            if (error is null && rows.All(r => r.Error is null))
            {
                TempData["Flash"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["HeImp.Added"], Display.Number(added), Display.Number(rows.Count - added));
                return Redirect("/Hearings");
            }

            return Page();
        }

        var (previewed, problem) = await HearingList.PreviewAsync(db, Text, clock.Today(), ct);
        (Rows, FileError) = (previewed, Said(problem));
        return Page();
    }

    /// <summary>A problem with the whole list, in the reader's language.</summary>
    private static string? Said(Stayline.Domain.Common.Sentence? problem) => problem is null ? null : Resources.Strings.Say(problem);
}
