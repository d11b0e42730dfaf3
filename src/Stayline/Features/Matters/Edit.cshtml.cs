using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Matters;

[Authorize(Policy = Permissions.EditLegal)]
public sealed class EditModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    public sealed record InputModel
    {
        public MatterKind Kind { get; init; } = MatterKind.MotionToReopenIj;
        public Adjudicator Forum { get; init; } = Adjudicator.ImmigrationJudge;
        public string? Court { get; init; }
        public string? CaseNumber { get; init; }
        public MatterStatus Status { get; init; } = MatterStatus.Drafting;
        public DateOnly? FiledOn { get; init; }
        public DateOnly? DecidedOn { get; init; }
        public bool StayRequested { get; init; }
        public string? Summary { get; init; }
        public int Version { get; init; }

        public MatterInput ToDomain() => new(Kind, Forum, Court, CaseNumber, Status, FiledOn, DecidedOn, StayRequested, Summary);
    }

    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public long PersonId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var m = await db.Matters.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null)
            {
                return NotFound();
            }

            PersonId = m.PersonId;
            Input = From(m);
        }

        if (!await LoadPersonAsync(ct))
        {
            return NotFound();
        }

        await HttpContext.AuditReadAsync(PersonId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadPersonAsync(ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var today = clock.Today();
        if (Id is { } id)
        {
            var m = await db.Matters.FirstOrDefaultAsync(x => x.Id == id && x.PersonId == PersonId, ct);
            if (m is null)
            {
                return NotFound();
            }

            if (m.Version != Input.Version)
            {
                return Conflict(m);
            }

            db.Entry(m).Property(x => x.Version).OriginalValue = Input.Version;
            var errors = m.Update(Input.ToDomain(), today);
            if (errors.Count > 0)
            {
                ApiErrors.AddTo(ModelState, errors);
                return Page();
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Conflict(await db.Matters.AsNoTracking().FirstAsync(x => x.Id == id, ct));
            }
        }
        else
        {
            var (m, errors) = Matter.Create(PersonId, Input.ToDomain(), today);
            if (m is null)
            {
                ApiErrors.AddTo(ModelState, errors);
                return Page();
            }

            db.Matters.Add(m);
            await db.SaveChangesAsync(ct);
        }

        TempData["Flash"] = "Matter saved.";
        return Redirect($"/People/Details?id={PersonId}");
    }

    private PageResult Conflict(Matter current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", ApiErrors.ConflictMessage);
        Input = From(current);
        return Page();
    }

    private static InputModel From(Matter m) => new()
    {
        Kind = m.Kind,
        Forum = m.Forum,
        Court = m.Court,
        CaseNumber = m.CaseNumber,
        Status = m.Status,
        FiledOn = m.FiledOn,
        DecidedOn = m.DecidedOn,
        StayRequested = m.StayRequested,
        Summary = m.Summary,
        Version = m.Version,
    };

    private async Task<bool> LoadPersonAsync(CancellationToken ct)
    {
        var name = await db.People.AsNoTracking().Where(p => p.Id == PersonId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefaultAsync(ct);
        PersonName = name ?? "";
        return name is not null;
    }
}
