using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using Stayline.Features.Shared;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Matters;

[Authorize(Policy = Permissions.EditLegal)]
public sealed class EditModel(StaylineDbContext db, TimeProvider clock, IStringLocalizer<Strings> t) : PageModel
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
        public MotionGround? Ground { get; init; }
        public DateOnly? StayFiledOn { get; init; }
        public DateOnly? WithdrawnOn { get; init; }
        public DateOnly? ShowCauseOrderedOn { get; init; }
        public DateOnly? ReturnDueOn { get; init; }

        /// <summary>"order:ID", "matter:ID" or empty (the latest decision before filing).</summary>
        public string? Challenges { get; init; }

        public MatterInput ToDomain() => new(Kind, Forum, Court, CaseNumber, Status, FiledOn, DecidedOn, StayRequested, Summary)
        {
            Ground = Ground,
            StayFiledOn = StayFiledOn,
            WithdrawnOn = WithdrawnOn,
            ShowCauseOrderedOn = ShowCauseOrderedOn,
            ReturnDueOn = ReturnDueOn,
            ChallengesOrderId = Link("order:"),
            ChallengesMatterId = Link("matter:"),
        };

        private long? Link(string prefix) =>
            Challenges is { } c && c.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The decisions a filing can challenge: the person's removal orders and decided matters.</summary>
    public IReadOnlyList<(string Value, string Label)> ChallengeChoices { get; private set; } = [];

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

        if (Input.Challenges is { Length: > 0 } challenges && Input.ToDomain() is { ChallengesOrderId: null, ChallengesMatterId: null })
        {
            ModelState.AddModelError("Input.Challenges", string.Format(CultureInfo.CurrentCulture, t["MaEd.NotListed"], challenges));
            return Page();
        }

        if (await MatterLinks.CheckAsync(db, PersonId, Id, Input.ToDomain(), ct) is { Count: > 0 } linkErrors)
        {
            ApiErrors.AddTo(ModelState, linkErrors);
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

        TempData["Flash"] = t["MaEd.Saved"].Value;
        return Redirect($"/People/Details?id={PersonId}");
    }

    private PageResult Conflict(Matter current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", t["Stale.Conflict"]);
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
        Ground = m.Ground,
        StayFiledOn = m.StayFiledOn,
        WithdrawnOn = m.WithdrawnOn,
        ShowCauseOrderedOn = m.ShowCauseOrderedOn,
        ReturnDueOn = m.ReturnDueOn,
        Challenges = m.ChallengesOrderId is { } o ? "order:" + o.ToString(CultureInfo.InvariantCulture)
            : m.ChallengesMatterId is { } x ? "matter:" + x.ToString(CultureInfo.InvariantCulture) : null,
    };

    private async Task<bool> LoadPersonAsync(CancellationToken ct)
    {
        var name = await db.People.AsNoTracking().Where(p => p.Id == PersonId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefaultAsync(ct);
        PersonName = name ?? "";
        if (name is null)
        {
            return false;
        }

        var orders = await db.RemovalOrders.AsNoTracking().Where(o => o.PersonId == PersonId).OrderBy(o => o.OrderedOn)
            .Select(o => new { o.Id, o.OrderedOn, o.IssuedBy, o.InAbsentia }).ToListAsync(ct);
        var decided = await db.Matters.AsNoTracking()
            .Where(m => m.PersonId == PersonId && m.DecidedOn != null && (Id == null || m.Id != Id))
            .OrderBy(m => m.DecidedOn).Select(m => new { m.Id, m.Kind, m.Status, m.DecidedOn }).ToListAsync(ct);
        ChallengeChoices =
        [
            .. orders.Select(o => ("order:" + o.Id.ToString(CultureInfo.InvariantCulture),
                string.Format(CultureInfo.CurrentCulture, t["MaEd.OrderOf"], Display.LocalDate(o.OrderedOn), Labels.Local(o.IssuedBy)) + (o.InAbsentia ? t["MaEd.InAbsentia"].Value : ""))),
            .. decided.Select(m => ("matter:" + m.Id.ToString(CultureInfo.InvariantCulture),
                $"{Labels.Local(m.Kind)} {Labels.Local(m.Status).ToLower(CultureInfo.CurrentCulture)} {Display.LocalDate(m.DecidedOn)}")),
        ];
        return true;
    }
}
