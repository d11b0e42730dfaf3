using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Features.Bulk;
using Stayline.Features.Documents;
using Stayline.Features.Shared;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Habeas;

/// <summary>
/// Petitions (or any template) for many people at once: choose who (the people held at a facility or in a district,
/// pasted A-numbers, or those ticked in the people list), check each caption's court and respondents and what each
/// draft lacks, then draft them all into one zip. Each draft is kept on the person's file and audited.
/// </summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class DraftModel(StaylineDbContext db, DocumentService documents, BulkActions bulk, TimeProvider clock, IStringLocalizer<Strings> t) : PageModel
{
    public const string DefaultTemplate = "habeas-2241";

    [BindProperty(SupportsGet = true)]
    public long? FacilityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ANumbers { get; set; }

    /// <summary>People ticked in the people list (comma-separated ids).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Ids { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Template { get; set; } = DefaultTemplate;

    public IReadOnlyList<TemplateInfo> Templates { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Facilities { get; private set; } = [];
    public IReadOnlyList<string> Districts { get; private set; } = [];
    public IReadOnlyList<DraftCheck>? Checks { get; private set; }
    public IReadOnlyList<BulkSkip> Skipped { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool HasSelection => FacilityId is not null || !string.IsNullOrWhiteSpace(District) || !string.IsNullOrWhiteSpace(ANumbers) || !string.IsNullOrWhiteSpace(Ids);

    /// <summary>The form, and the check of every caption when a selection is given.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!HasSelection)
        {
            return Page();
        }

        var (ids, template) = await SelectAsync(ct);
        if (template is not null && Errors.Count == 0)
        {
            Checks = await documents.CheckAsync(template, ids, ct);
        }

        return Page();
    }

    /// <summary>Drafts everyone selected (checked again now), keeps each on the person's file, and sends one zip.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var (ids, template) = await SelectAsync(ct);
        if (template is null || Errors.Count > 0 || ids.Count == 0)
        {
            Errors = Errors.Count > 0 ? Errors : [t["Hab.NobodyToDraft"].Value];
            return Page();
        }

        var items = await documents.GenerateAsync(template, ids, store: true, ct);
        return File(DraftArchive.Zip(items), "application/zip", $"{template.Key}-{clock.Today():yyyy-MM-dd}.zip");
    }

    private async Task<(List<long> Ids, DocumentTemplate? Template)> SelectAsync(CancellationToken ct)
    {
        var errors = new List<Sentence>();
        var skipped = new List<BulkSkip>();
        var template = await documents.TemplateAsync(Template, ct);
        if (template is null)
        {
            errors.Add(Sentence.Verbatim(t["Hab.NoTemplate", Template ?? ""]));
        }

        var ids = new HashSet<long>();
        if (!string.IsNullOrWhiteSpace(ANumbers) || !string.IsNullOrWhiteSpace(Ids))
        {
            ids.UnionWith(await bulk.ResolveAsync(new BulkSelection(BulkSelection.ParseIds(Ids), null, ANumbers), skipped, errors, ct));
        }

        var district = string.IsNullOrWhiteSpace(District) ? null : FederalDistricts.FindLoose(District)?.Name;
        if (!string.IsNullOrWhiteSpace(District) && district is null)
        {
            errors.Add(Sentence.Verbatim(t["Hab.NotADistrict", District]));
        }

        if (FacilityId is not null || district is not null)
        {
            var held = db.People.Where(p => p.CustodyStatus == CustodyStatus.Detained);
            held = FacilityId is { } fid ? held.Where(p => p.CurrentFacilityId == fid) : held;
            held = district is not null ? held.Where(p => db.Facilities.Any(f => f.Id == p.CurrentFacilityId && f.District == district)) : held;
            ids.UnionWith(await held.Select(p => p.Id).Take(BulkActions.MaxPeople + 1).ToListAsync(ct));
        }

        if (ids.Count > BulkActions.MaxPeople)
        {
            errors.Add(Sentence.Verbatim(t["Hab.TooMany", Display.Number(BulkActions.MaxPeople)]));
        }

        Errors = errors.Select(Resources.Strings.Say).Distinct().ToList();
        Skipped = skipped;
        return ([.. ids], template);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Templates = await documents.TemplatesAsync(ct);
        Facilities = await Shared.Lookups.FacilitiesAsync(db, ct);
        Districts = await db.Facilities.AsNoTracking().Where(f => f.District != null).Select(f => f.District!).Distinct().OrderBy(d => d).ToListAsync(ct);
    }
}
