using System.Globalization;
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

namespace Stayline.Features.Relief;

/// <summary>Adds a claim for asylum, withholding or CAT protection to a person's file, or records what became of one.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class EditModel(StaylineDbContext db, TimeProvider clock, IStringLocalizer<Strings> t) : PageModel
{
    public static readonly ProtectedGrounds[] EveryGround =
        [ProtectedGrounds.Race, ProtectedGrounds.Religion, ProtectedGrounds.Nationality, ProtectedGrounds.PoliticalOpinion, ProtectedGrounds.ParticularSocialGroup];

    public sealed record InputModel
    {
        public ReliefKind Kind { get; init; } = ReliefKind.Asylum;
        public List<ProtectedGrounds> Grounds { get; init; } = [];
        public string? Basis { get; init; }
        public string? Country { get; init; }
        public ReliefStatus Status { get; init; } = ReliefStatus.Contemplated;
        public DateOnly? FiledOn { get; init; }
        public DateOnly? DecidedOn { get; init; }
        public long? MatterId { get; init; }
        public int Version { get; init; }

        public ReliefClaimInput ToDomain() =>
            new(Kind, Grounds.Aggregate(ProtectedGrounds.None, (all, g) => all | g), Basis, Country, Status, FiledOn, DecidedOn, MatterId);

        public static InputModel From(ReliefClaim c) => new()
        {
            Kind = c.Kind,
            Grounds = EveryGround.Where(g => c.Grounds.HasFlag(g)).ToList(),
            Basis = c.Basis,
            Country = c.Country,
            Status = c.Status,
            FiledOn = c.FiledOn,
            DecidedOn = c.DecidedOn,
            MatterId = c.MatterId,
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
    public IReadOnlyList<(long Id, string Name)> Matters { get; private set; } = [];

    /// <summary>What a recorded conviction means for the kind chosen (shown, never decided).</summary>
    public Stayline.Domain.Common.Sentence? Caution { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var c = await db.ReliefClaims.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null)
            {
                return NotFound();
            }

            PersonId = c.PersonId;
            Input = InputModel.From(c);
        }
        else
        {
            Input = new InputModel { Country = await db.People.Where(p => p.Id == PersonId).Select(p => p.Citizenship).FirstOrDefaultAsync(ct) };
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
        if (Id is { } id)
        {
            var (claim, errors, conflict) = await ReliefWrites.UpdateAsync(db, id, Input.ToDomain(), Input.Version, clock.Today(), ct);
            if (conflict is not null)
            {
                ModelState.Clear();
                ModelState.AddModelError("", t["Stale.Conflict"]);
                var current = await db.ReliefClaims.AsNoTracking().FirstAsync(c => c.Id == id, ct);
                (Input, PersonId) = (InputModel.From(current), current.PersonId);
                return await LoadAsync(ct) ? Page() : NotFound();
            }

            if (claim is null && errors.Count == 0)
            {
                return NotFound();
            }

            if (claim is null)
            {
                ApiErrors.AddTo(ModelState, errors);
                PersonId = await db.ReliefClaims.Where(c => c.Id == id).Select(c => c.PersonId).FirstAsync(ct);
                return await LoadAsync(ct) ? Page() : NotFound();
            }

            TempData["Flash"] = string.Format(CultureInfo.CurrentCulture, t["RelEd.Saved"], Labels.Local(claim.Kind), Labels.Local(claim.Status).ToLower(CultureInfo.CurrentCulture));
            return Redirect($"/People/Details?id={claim.PersonId}#matters");
        }

        if (PersonId is not { } personId || !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return NotFound();
        }

        var (created, createErrors) = await ReliefWrites.CreateAsync(db, personId, Input.ToDomain(), clock.Today(), ct);
        if (created is null)
        {
            ApiErrors.AddTo(ModelState, createErrors);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = string.Format(CultureInfo.CurrentCulture, t["RelEd.Added"], Labels.Local(created.Kind));
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
        Matters = (await db.Matters.AsNoTracking().Where(m => m.PersonId == PersonId).OrderBy(m => m.Id).ToListAsync(ct))
            .Select(m => (m.Id, $"{Labels.Local(m.Kind)}{(m.Court is null ? "" : ", " + m.Court)}{(m.FiledOn is null ? "" : string.Format(CultureInfo.CurrentCulture, t["RelEd.Filed"], Display.LocalDate(m.FiledOn)))}"))
            .ToList();
        Caution = await db.Convictions.AnyAsync(c => c.PersonId == PersonId, ct) ? ReliefClaim.ConvictionCaution(Input.Kind) : null;
        return true;
    }
}
