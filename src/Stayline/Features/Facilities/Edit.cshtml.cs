using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Features.Shared;

namespace Stayline.Features.Facilities;

/// <summary>Admins correct and extend the facility catalogue.</summary>
[Authorize(Policy = Permissions.Administer)]
public sealed class EditModel(StaylineDbContext db, IStringLocalizer<Stayline.Resources.Strings> t) : PageModel
{
    public sealed record InputModel
    {
        public string? Name { get; init; }
        public string? FieldOffice { get; init; }
        public string? Street { get; init; }
        public string? City { get; init; }
        public string? State { get; init; }
        public string? Zip { get; init; }
        public string? County { get; init; }
        public string? District { get; init; }
        public string? Division { get; init; }
        public string? Circuit { get; init; }
        public FacilityType Type { get; init; }
        public string? IceCode { get; init; }
        public string? Aliases { get; init; }
        public int Version { get; init; }

        // An admin's save is the check a flagged facility waited for: the note is derived again from what was saved.
        public FacilityInput ToDomain() => new(Name, FieldOffice, Street, City, State, Zip, District, Circuit, "entered by hand")
        {
            County = County,
            Division = Division,
            Type = Type,
            IceCode = IceCode,
            Aliases = Aliases,
        };

        public static InputModel From(Facility f) => new()
        {
            Name = f.Name,
            FieldOffice = f.FieldOffice,
            Street = f.Street,
            City = f.City,
            State = f.State,
            Zip = f.Zip,
            County = f.County,
            District = f.District,
            Division = f.Division,
            Circuit = f.Circuit,
            Type = f.Type,
            IceCode = f.IceCode,
            Aliases = f.Aliases,
            Version = f.Version,
        };
    }

    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var f = await db.Facilities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (f is null)
            {
                return NotFound();
            }

            Input = InputModel.From(f);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Facility? facility;
        if (Id is { } id)
        {
            facility = await db.Facilities.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (facility is null)
            {
                return NotFound();
            }

            if (facility.Version != Input.Version)
            {
                ModelState.Clear();
                ModelState.AddModelError("", t["Stale.Conflict"]);
                Input = InputModel.From(facility);
                return Page();
            }

            db.Entry(facility).Property(x => x.Version).OriginalValue = Input.Version;
            var errors = facility.Update(Input.ToDomain(), FacilityReference.Counties);
            if (errors.Count > 0)
            {
                ApiErrors.AddTo(ModelState, errors);
                return Page();
            }
        }
        else
        {
            (facility, var errors) = Facility.Create(Input.ToDomain(), FacilityReference.Counties);
            if (facility is null)
            {
                ApiErrors.AddTo(ModelState, errors);
                return Page();
            }

            db.Facilities.Add(facility);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.Clear();
            ModelState.AddModelError("", t["Stale.Conflict"]);
            Input = InputModel.From(await db.Facilities.AsNoTracking().FirstAsync(x => x.Id == Id, ct));
            return Page();
        }

        TempData["Flash"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["PeEd.Saved"], facility.Name);
        return Redirect($"/Facilities/Details?id={facility.Id}");
    }
}
