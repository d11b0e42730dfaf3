using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Features.Shared;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Bond;

/// <summary>Records a bond request and what followed: the judge's decision, the bond posted, DHS's EOIR-43 and appeal, the Board.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class EditModel(StaylineDbContext db, TimeProvider clock, IStringLocalizer<Strings> t) : PageModel
{
    public sealed record InputModel
    {
        public DhsCustodyDecision DhsDecision { get; init; }
        public decimal? DhsAmount { get; init; }
        public DateOnly? RequestedOn { get; init; }
        public BondDecision Decision { get; init; }
        public DateOnly? DecidedOn { get; init; }
        public decimal? Amount { get; init; }
        public DateOnly? PaidOn { get; init; }
        public DateOnly? Eoir43FiledOn { get; init; }
        public DateOnly? DhsAppealFiledOn { get; init; }
        public int BriefingExtensionDays { get; init; }
        public BoardBondOutcome BoardOutcome { get; init; }
        public DateOnly? BoardDecidedOn { get; init; }
        public string? Notes { get; init; }
        public int Version { get; init; }

        public BondCaseInput ToDomain() => new(DhsDecision, DhsAmount, RequestedOn, Decision, DecidedOn, Amount, PaidOn, Eoir43FiledOn, DhsAppealFiledOn,
            BriefingExtensionDays, BoardOutcome, BoardDecidedOn, Notes);

        public static InputModel From(BondCase c) => new()
        {
            DhsDecision = c.DhsDecision,
            DhsAmount = c.DhsAmount,
            RequestedOn = c.RequestedOn,
            Decision = c.Decision,
            DecidedOn = c.DecidedOn,
            Amount = c.Amount,
            PaidOn = c.PaidOn,
            Eoir43FiledOn = c.Eoir43FiledOn,
            DhsAppealFiledOn = c.DhsAppealFiledOn,
            BriefingExtensionDays = c.BriefingExtensionDays,
            BoardOutcome = c.BoardOutcome,
            BoardDecidedOn = c.BoardDecidedOn,
            Notes = c.Notes,
            Version = c.Version,
        };
    }

    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? PersonId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var c = await db.BondCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null)
            {
                return NotFound();
            }

            PersonId = c.PersonId;
            Input = InputModel.From(c);
        }
        else
        {
            Input = new InputModel { RequestedOn = clock.Today() };
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await HttpContext.AuditReadAsync(PersonId!.Value, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var today = clock.Today();
        if (Id is { } id)
        {
            var (bond, errors, conflict) = await VersionedUpdate.ApplyAsync<BondCase>(db, id, Input.Version, c => Task.FromResult(c.Update(Input.ToDomain(), today)), ct);
            if (conflict is not null)
            {
                ModelState.Clear();
                ModelState.AddModelError("", t["Stale.Conflict"]);
                var current = await db.BondCases.AsNoTracking().FirstAsync(c => c.Id == id, ct);
                (Input, PersonId) = (InputModel.From(current), current.PersonId);
                return await LoadAsync(ct) ? Page() : NotFound();
            }

            if (bond is null && errors.Count == 0)
            {
                return NotFound();
            }

            if (bond is null)
            {
                ApiErrors.AddTo(ModelState, errors);
                PersonId = await db.BondCases.Where(c => c.Id == id).Select(c => c.PersonId).FirstAsync(ct);
                return await LoadAsync(ct) ? Page() : NotFound();
            }

            TempData["Flash"] = t["BndEd.Saved"].Value;
            return Redirect($"/People/Details?id={bond.PersonId}#matters");
        }

        if (PersonId is not { } personId || !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return NotFound();
        }

        var (created, createErrors) = BondCase.Create(personId, Input.ToDomain(), today);
        if (created is null)
        {
            ApiErrors.AddTo(ModelState, createErrors);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        db.BondCases.Add(created);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = t["BndEd.Added"].Value;
        return Redirect($"/People/Details?id={personId}#matters");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == PersonId).Select(p => new { p.GivenName, p.FamilyName }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return false;
        }

        PersonName = $"{person.GivenName} {person.FamilyName}";
        return true;
    }
}
