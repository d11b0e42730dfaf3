using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Importing;
using Stayline.Resources;

namespace Stayline.Features.Import;

/// <summary>
/// A running import's progress (the page reloads itself every second with a meta refresh: no script), then its
/// report: the column mapping (editable), the rows (paged), every error, and the button that imports for real.
/// </summary>
[Authorize(Policy = Permissions.EditPeople)]
public sealed class ProgressModel(ImportJobs jobs, AuditActor actor, IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The page of errors shown (from 0).</summary>
    [BindProperty(SupportsGet = true)]
    public int ErrorPage { get; set; }

    /// <summary>The page of row warnings shown (from 0).</summary>
    [BindProperty(SupportsGet = true)]
    public int WarningPage { get; set; }

    /// <summary>The page of the rows table shown (from 0).</summary>
    [BindProperty(SupportsGet = true)]
    public int RowPage { get; set; }

    public ImportJob Job { get; private set; } = null!;

    public int RowPages => Job.Report is { } r ? Math.Max(1, (r.Preview.Count + ImportJobs.ErrorPage - 1) / ImportJobs.ErrorPage) : 0;

    /// <summary>The preview rows of <see cref="RowPage"/>.</summary>
    public IEnumerable<ImportPreviewRow> Rows => Job.Report?.Preview.Skip(RowPage * ImportJobs.ErrorPage).Take(ImportJobs.ErrorPage) ?? [];

    /// <summary>This page's link with one of the three pages changed.</summary>
    public string PageLink(int? errorPage = null, int? warningPage = null, int? rowPage = null) =>
        $"/Import/Progress?id={Job.Id}&errorPage={errorPage ?? ErrorPage}&warningPage={warningPage ?? WarningPage}&rowPage={rowPage ?? RowPage}";

    public IReadOnlyList<ImportError> Warnings { get; private set; } = [];

    public int WarningPages => Job.Report is { } r ? (r.WarningCount + ImportJobs.ErrorPage - 1) / ImportJobs.ErrorPage : 0;

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public int ErrorPages => Job.Report is { } r ? (r.ErrorCount + ImportJobs.ErrorPage - 1) / ImportJobs.ErrorPage : 0;

    /// <summary>What a preview row will do, in words (the report stores the action's code name).</summary>
    /// <summary>A column's field in the reader's words ("Imp.Field.{Member}"); a field without a translation yet shows
    /// its English label.</summary>
    public static string FieldName(ImportField field, IStringLocalizer t) =>
        Shared.Display.Text(t, "Imp.Field." + field, Shared.Labels.Of(field));

    /// <summary>What the import will do to a row, in the reader's words ("be added", "wait for review").</summary>
    public static string Will(string action, IStringLocalizer t) =>
        Shared.Display.Text(t, "Imp.Will." + action, Shared.Labels.Words(action).ToLowerInvariant());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await jobs.GetAsync(Id, actor.UserId, ct) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        if (!job.Done)
        {
            Response.Headers["Refresh"] = "1";
        }
        else if (job.Report is { } report)
        {
            RowPage = Math.Clamp(RowPage, 0, RowPages - 1);
            if (report.ErrorCount > 0)
            {
                ErrorPage = Math.Clamp(ErrorPage, 0, ErrorPages - 1);
                Errors = await jobs.ErrorsAsync(Id, ErrorPage, report.ErrorCount, ct);
            }

            if (report.WarningCount > 0)
            {
                WarningPage = Math.Clamp(WarningPage, 0, WarningPages - 1);
                Warnings = await jobs.WarningsAsync(Id, WarningPage, report.ErrorCount, ct);
            }
        }

        return Page();
    }

    /// <summary>Preview again with the user's mapping, or import for real with the mapping of the preview.</summary>
    public async Task<IActionResult> OnPostAsync(string[] header, ImportField[] field, bool commit, CancellationToken ct)
    {
        if (await jobs.GetAsync(Id, actor.UserId, ct) is not { Report: { } report } job || !job.Options.DryRun || !System.IO.File.Exists(job.FilePath))
        {
            TempData["Flash"] = t["Imp.Expired"].Value;
            return Redirect("/Import");
        }

        var mapping = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(header.Length, field.Length); i++)
        {
            mapping[header[i]] = field[i];
        }

        var changed = mapping.Count > 0 && !mapping.SequenceEqual(report.Header.Zip(report.Fields).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal));
        var next = await jobs.StartAsync(actor, job.FilePath, job.Options with
        {
            Mapping = mapping.Count > 0 ? mapping : job.Options.Mapping,
            DryRun = !commit || changed,
        }, ct);
        return Redirect($"/Import/Progress?id={next}");
    }
}
