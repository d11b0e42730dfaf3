using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;

namespace Stayline.Features.Organisations;

/// <summary>The organisations, their users and how many of their people the reader may see; admins of the coordinating
/// organisation add partners here (the save audits it).</summary>
[Authorize(Policy = Permissions.Administer)]
public sealed class IndexModel(StaylineDbContext db, TimeProvider clock, IStringLocalizer<Stayline.Resources.Strings> t) : PageModel
{
    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    /// <summary>Only an admin who sees every organisation adds one.</summary>
    public bool MayAdd => db.Visibility.All;

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await OrganisationService.ListAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayAdd)
        {
            return Forbid();
        }

        var (organisation, error) = await OrganisationService.AddAsync(db, Name, coordinating: false, clock.GetUtcNow(), ct);
        if (organisation is null)
        {
            ModelState.AddModelError(nameof(Name), Resources.Strings.Say(error!));
            Organisations = await OrganisationService.ListAsync(db, ct);
            return Page();
        }

        TempData["Flash"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Org.Added"], organisation.Name);
        return RedirectToPage();
    }
}
