using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Hotline;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Hotline;

/// <summary>
/// The public family hotline form (no sign-in). It stores a report for the intake queue and shows a thank-you page
/// that repeats nothing: the page never says whether the person is known, so it cannot be used to look anyone up.
/// </summary>
public sealed class IndexModel(StaylineDbContext db, TimeProvider clock, IStringLocalizer<Strings> t) : PageModel
{
    /// <summary>The trap field: hidden from people, filled in by form-filling robots.</summary>
    public const string Honeypot = "website";

    [BindProperty(Name = "detaineeName")] public string? DetaineeName { get; set; }
    [BindProperty(Name = "aNumber")] public string? ANumber { get; set; }
    [BindProperty(Name = "callerName")] public string? CallerName { get; set; }
    [BindProperty(Name = "callerPhone")] public string? CallerPhone { get; set; }
    [BindProperty(Name = "facility")] public string? Facility { get; set; }
    [BindProperty(Name = "notes")] public string? Notes { get; set; }
    [BindProperty(Name = Honeypot)] public string? Website { get; set; }

    /// <summary>Field name to message, in the form's language.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string Language => Localization.Current;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website))
        {
            // Same answer as a real report, so the robot learns nothing; nothing is stored.
            return Thanks();
        }

        var form = new HotlineForm(DetaineeName, ANumber, CallerName, CallerPhone, Facility, Notes);
        var errors = form.Validate(out var aNumber);
        if (errors.Count > 0)
        {
            foreach (var e in errors.GroupBy(e => e.Field))
            {
                var first = e.First();
                Errors[e.Key] = first.Limit is { } limit ? t[first.Key, limit] : t[first.Key];
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The coordinating organisation runs the hotline: its staff work the queue (ADR 0008).
        var owner = await db.CoordinatingOrganisationIdAsync(ct) ?? throw new InvalidOperationException("There is no coordinating organisation.");
        db.HotlineReports.Add(HotlineReport.Received(clock.GetUtcNow(), Language, DetaineeName!.Trim(), aNumber?.Digits, CallerName!.Trim(), CallerPhone!.Trim(),
            HotlineForm.Clean(Facility), HotlineForm.Clean(Notes), owner));
        await db.SaveChangesAsync(ct);
        return Thanks();
    }

    private RedirectResult Thanks() => Redirect($"/Hotline/Thanks?lang={Language}");
}
