using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.People;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Custody;

[Authorize(Policy = Permissions.EditPeople)]
public sealed class RecordModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    public sealed record InputModel
    {
        public CustodyAction Action { get; init; }
        public long? FacilityId { get; init; }

        [Required(ErrorMessage = "Give the date.")]
        public DateOnly? On { get; init; }
    }

    [BindProperty(SupportsGet = true)]
    public long PersonId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string PersonName { get; private set; } = "";
    public CustodyStatus Status { get; private set; }
    public string? CurrentFacility { get; private set; }
    public IReadOnlyList<(long Id, string Name, string? City, string? State)> Facilities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input = new InputModel { Action = Status == CustodyStatus.Detained ? CustodyAction.Transfer : CustodyAction.Detain, On = clock.Today() };
        await HttpContext.AuditReadAsync(PersonId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = await CustodyService.ApplyAsync(db, PersonId, new CustodyChange(Input.Action, Input.On!.Value, Input.FacilityId), clock.Today(), ct);
        if (errors is { Count: > 0 })
        {
            ApiErrors.AddTo(ModelState, errors.Select(e => e with { Field = e.Field is "From" or "To" ? "On" : e.Field }));
            return Page();
        }

        TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Custody recorded."));
        return Redirect($"/People/Details?id={PersonId}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == PersonId)
            .Select(p => new { p.GivenName, p.FamilyName, p.CustodyStatus, Facility = db.Facilities.Where(f => f.Id == p.CurrentFacilityId).Select(f => f.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return false;
        }

        PersonName = $"{person.GivenName} {person.FamilyName}";
        Status = person.CustodyStatus;
        CurrentFacility = person.Facility;
        Facilities = (await db.Facilities.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Id, f.Name, f.City, f.State }).ToListAsync(ct))
            .Select(f => (f.Id, f.Name, f.City, f.State)).ToList();
        return true;
    }
}
