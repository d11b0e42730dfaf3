using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Resources;

namespace Stayline.Features.Habeas;

/// <summary>Open alerts across the team; attorneys and coordinators acknowledge them here.</summary>
public sealed class AlertsModel(AlertService alerts, AuditActor actor, IStringLocalizer<Strings> t) : PageModel
{
    public IReadOnlyList<AlertDto> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Open = await alerts.OpenAsync(null, 500, ct);

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, string? note, string? returnTo, CancellationToken ct)
    {
        if (!Permissions.RolesFor(Permissions.EditLegal).Any(User.IsInRole))
        {
            return Forbid();
        }

        TempData["Flash"] = await alerts.AcknowledgeAsync(id, actor, note, ct) switch
        {
            null => t["Hab.AlertMissing"].Value,
            false => t["Hab.AlertAlready"].Value,
            _ => t["Hab.AlertAcknowledged"].Value,
        };
        // Back to the person's page when acknowledged there; only local paths.
        return Redirect(returnTo is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/Habeas/Alerts");
    }
}
