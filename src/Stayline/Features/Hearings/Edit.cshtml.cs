using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Matters;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Hearings;

/// <summary>Adds a hearing to a person's file or corrects one (the outcome, a new judge, a continued date).</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class EditModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    public sealed record InputModel
    {
        public HearingKind Kind { get; init; } = HearingKind.Master;
        public DateOnly? On { get; init; }
        public TimeOnly? At { get; init; }
        public string? Court { get; init; }
        public string? Judge { get; init; }
        public HearingOutcome Outcome { get; init; } = HearingOutcome.Scheduled;
        public long? MatterId { get; init; }
        public decimal? BondAmount { get; init; }
        public string? Notes { get; init; }
        public int Version { get; init; }

        public HearingInput ToDomain() => new(Kind, On, At, Court, Judge, Outcome, MatterId, BondAmount, Notes);

        public static InputModel From(Hearing h) => new()
        {
            Kind = h.Kind,
            On = h.On,
            At = h.At,
            Court = h.Court,
            Judge = h.Judge,
            Outcome = h.Outcome,
            MatterId = h.MatterId,
            BondAmount = h.BondAmount,
            Notes = h.Notes,
            Version = h.Version,
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var h = await db.Hearings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (h is null)
            {
                return NotFound();
            }

            PersonId = h.PersonId;
            Input = InputModel.From(h);
        }
        else
        {
            // A new hearing is usually at the court of the person's last one.
            var last = await db.Hearings.AsNoTracking().Where(h => h.PersonId == PersonId).OrderByDescending(h => h.On).FirstOrDefaultAsync(ct);
            Input = new InputModel { Court = last?.Court, Judge = last?.Judge };
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
            var (hearing, errors, conflict) = await HearingWrites.UpdateAsync(db, id, Input.ToDomain(), Input.Version, clock.Today(), ct);
            if (conflict is not null)
            {
                ModelState.Clear();
                ModelState.AddModelError("", ApiErrors.ConflictMessage);
                var current = await db.Hearings.AsNoTracking().FirstAsync(h => h.Id == id, ct);
                (Input, PersonId) = (InputModel.From(current), current.PersonId);
                return await LoadAsync(ct) ? Page() : NotFound();
            }

            if (hearing is null && errors.Count == 0)
            {
                return NotFound();
            }

            if (hearing is null)
            {
                ApiErrors.AddTo(ModelState, errors);
                PersonId = await db.Hearings.Where(h => h.Id == id).Select(h => h.PersonId).FirstAsync(ct);
                return await LoadAsync(ct) ? Page() : NotFound();
            }

            TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Saved: {Sentences.Label(hearing.Kind)} on {hearing.On:yyyy-MM-dd}."));
            return Redirect($"/People/Details?id={hearing.PersonId}#matters");
        }

        if (PersonId is not { } personId || !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return NotFound();
        }

        var (created, createErrors) = await HearingWrites.CreateAsync(db, personId, Input.ToDomain(), clock.Today(), ct);
        if (created is null)
        {
            ApiErrors.AddTo(ModelState, createErrors);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Added: {Sentences.Label(created.Kind)} on {created.On:yyyy-MM-dd}."));
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
            .Select(m => (m.Id, $"{m.Kind.DisplayName()}{(m.Court is null ? "" : ", " + m.Court)}{(m.FiledOn is null ? "" : ", filed " + Display.Date(m.FiledOn))}")).ToList();
        return true;
    }
}
