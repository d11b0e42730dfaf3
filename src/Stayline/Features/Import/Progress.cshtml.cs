using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Domain.Importing;

namespace Stayline.Features.Import;

/// <summary>
/// A running import's progress (the page reloads itself every second with a meta refresh: no script), then its
/// report: the column mapping (editable), the first rows, every error, and the button that imports for real.
/// </summary>
[Authorize(Policy = Permissions.EditPeople)]
public sealed class ProgressModel(ImportJobs jobs, AuditActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ImportJob Job { get; private set; } = null!;

    public IActionResult OnGet()
    {
        if (jobs.Get(Id, actor.UserId) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        if (!job.Done)
        {
            Response.Headers["Refresh"] = "1";
        }

        return Page();
    }

    /// <summary>Preview again with the user's mapping, or import for real with the mapping of the preview.</summary>
    public IActionResult OnPost(string[] header, ImportField[] field, bool commit)
    {
        if (jobs.Get(Id, actor.UserId) is not { Report: { } report } job || !job.Options.DryRun || !System.IO.File.Exists(job.FilePath))
        {
            TempData["Flash"] = "That preview has expired; upload the file again.";
            return Redirect("/Import");
        }

        var mapping = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(header.Length, field.Length); i++)
        {
            mapping[header[i]] = field[i];
        }

        var changed = mapping.Count > 0 && !mapping.SequenceEqual(report.Header.Zip(report.Fields).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal));
        var next = jobs.Start(actor, job.FilePath, job.Options with
        {
            Mapping = mapping.Count > 0 ? mapping : job.Options.Mapping,
            DryRun = !commit || changed,
        });
        return Redirect($"/Import/Progress?id={next.Id}");
    }
}
