using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Respondents;
using Stayline.Features.Shared;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Habeas;

/// <summary>
/// Who a habeas petition names: the wardens, field office directors, Secretaries and Attorneys General with their
/// dates (history kept), and the per-district rule of which officials to name. Everyone signed in sees it and can
/// check a caption for a facility and a date; admins add terms, end them and edit the rules.
/// </summary>
public sealed class RespondentsModel(StaylineDbContext db, TimeProvider clock, IStringLocalizer<Strings> t) : PageModel
{
    public sealed record TermInput
    {
        public Office Office { get; init; } = Office.Warden;
        public long? FacilityId { get; init; }
        public string? FieldOffice { get; init; }
        public string? Name { get; init; }
        public string? Title { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
        public string? Source { get; init; }

        public OfficeHolderInput ToDomain() => new(Office, Name, Title, From, To, FacilityId, FieldOffice, Source);
    }

    public sealed record RuleInput
    {
        public string? District { get; init; }
        public bool FieldOfficeDirector { get; init; } = true;
        public bool Secretary { get; init; } = true;
        public bool AttorneyGeneral { get; init; } = true;
        public string? Source { get; init; }
    }

    /// <summary>The facility and day of the caption check.</summary>
    [BindProperty(SupportsGet = true)]
    public long? FacilityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    [BindProperty]
    public TermInput Term { get; set; } = new();

    [BindProperty]
    public RuleInput Rule { get; set; } = new();

    public IReadOnlyList<OfficeHolder> Holders { get; private set; } = [];
    public IReadOnlyList<RespondentRule> Rules { get; private set; } = [];
    public IReadOnlyList<Facility> Facilities { get; private set; } = [];
    public RespondentSet? Check { get; private set; }
    public Facility? CheckedFacility { get; private set; }
    public bool CanEdit => Permissions.RolesFor(Permissions.Administer).Any(User.IsInRole);

    public string FacilityName(long? id) => Facilities.FirstOrDefault(f => f.Id == id)?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostTermAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var (holder, errors) = OfficeHolder.Create(Term.ToDomain());
        if (holder is not null && Term.FacilityId is { } fid && !await db.Facilities.AnyAsync(f => f.Id == fid, ct))
        {
            errors = [new("FacilityId", t["Hab.NoFacilityN", fid])];
        }

        if (errors.Count > 0)
        {
            ApiErrors.AddTo(ModelState, errors, "Term");
            await LoadAsync(ct);
            return Page();
        }

        db.OfficeHolders.Add(holder!);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = t["Hab.TermAdded", holder!.Name, holder.Title, Display.LocalDate(holder.From)].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAsync(long id, DateOnly? lastDay, int version, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var holder = await db.OfficeHolders.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (holder is null)
        {
            return NotFound();
        }

        var errors = lastDay is { } day ? holder.End(day) : [new("To", t["Hab.GiveLastDay"])];
        if (holder.Version != version)
        {
            errors = [new("", ApiErrors.ConflictMessage)];
        }

        if (errors.Count > 0)
        {
            ApiErrors.AddTo(ModelState, errors, "End");
            await LoadAsync(ct);
            return Page();
        }

        db.Entry(holder).Property(h => h.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", ApiErrors.ConflictMessage);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = t["Hab.TermEnds", holder.Name, Display.LocalDate(lastDay!.Value)].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var district = Rule.District?.Trim() is { Length: > 0 } d && d != RespondentRule.AnyDistrict
            ? FederalDistricts.FindLoose(d)?.Name ?? d
            : Rule.District?.Trim();
        var rule = await db.RespondentRules.FirstOrDefaultAsync(r => r.District == district, ct);
        IReadOnlyList<Stayline.Domain.Common.FieldError> errors;
        if (rule is null)
        {
            (rule, errors) = RespondentRule.Create(Rule.District, Rule.FieldOfficeDirector, Rule.Secretary, Rule.AttorneyGeneral, Rule.Source);
            if (rule is not null)
            {
                db.RespondentRules.Add(rule);
            }
        }
        else
        {
            errors = rule.Update(Rule.District, Rule.FieldOfficeDirector, Rule.Secretary, Rule.AttorneyGeneral, Rule.Source);
        }

        if (errors.Count > 0)
        {
            ApiErrors.AddTo(ModelState, errors, "Rule");
            await LoadAsync(ct);
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = t["Hab.RuleSaved", rule!.District == RespondentRule.AnyDistrict ? t["Hab.EveryOther"] : rule.District].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Holders = await db.OfficeHolders.AsNoTracking().OrderBy(h => h.Office).ThenBy(h => h.FacilityId).ThenBy(h => h.FieldOffice)
            .ThenByDescending(h => h.From).ToListAsync(ct);
        Rules = await db.RespondentRules.AsNoTracking().OrderBy(r => r.District).ToListAsync(ct);
        Facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        if (FacilityId is { } id)
        {
            CheckedFacility = Facilities.FirstOrDefault(f => f.Id == id);
            Check = Respondents.For(CheckedFacility, On ?? clock.Today(), Holders, Rules);
        }
    }
}
