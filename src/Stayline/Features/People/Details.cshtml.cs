using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Domain.Protection;
using Stayline.Domain.Work;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.People;

/// <summary>A person's file. Opening it is audited; the small forms add aliases, contacts, orders and notes.</summary>
public sealed class DetailsModel(StaylineDbContext db, AuditActor actor, TimeProvider clock,
    Protection.ProtectionRecompute recompute) : PageModel
{
    public PersonFile? Dossier { get; private set; }
    public Protection.PersonProtectionPanel? ProtectionPanel { get; private set; }
    public UserAccess Access { get; private set; } = null!;
    /// <summary>Whom an admin may assign from this page (through the people list's assignment, conflict check included).</summary>
    public IReadOnlyList<(string Id, string Name)> Attorneys { get; private set; } = [];
    public IReadOnlyList<Records.RecordsRequestDto> Records { get; private set; } = [];
    public IReadOnlyList<(BondCase Case, BondState State)> Bonds { get; private set; } = [];
    public string OwnerName { get; private set; } = "";
    public IReadOnlyList<Organisations.ShareDto> Shares { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> ShareTargets { get; private set; } = [];
    public bool MayShare { get; private set; }
    public IReadOnlyList<string> AdverseParties { get; private set; } = [];
    public IReadOnlyList<Organisations.ConflictCheckDto> ConflictChecks { get; private set; } = [];

    public async Task<IActionResult> OnPostConflictDecisionAsync(long id, long checkId, Domain.Organisations.ConflictDecision decision, string? reason,
        CancellationToken ct)
    {
        if (!MayEditPeople)
        {
            return Forbid();
        }

        var check = await Organisations.ConflictChecks.FindAsync(db, checkId, ct);
        if (check is null || check.PersonId != id || !await db.People.AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }

        var (_, error) = await Organisations.ConflictChecks.DecideAsync(db, checkId, decision, reason, actor, clock.GetUtcNow(), ct);

        TempData["Flash"] = Resources.Strings.Say(error ?? Sentence.Of($"Decision recorded."));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostShareAsync(long id, long shareOrganisationId, CancellationToken ct) =>
        !MayEditPeople ? Forbid()
        : ShareResult(await Organisations.PersonShares.ShareAsync(db, id, new Organisations.ShareWrite(shareOrganisationId, null), actor, clock.GetUtcNow(), ct), id);

    public async Task<IActionResult> OnPostUnshareAsync(long id, long organisationId, CancellationToken ct) =>
        !MayEditPeople ? Forbid() : ShareResult(await Organisations.PersonShares.UnshareAsync(db, id, organisationId, ct), id);

    private bool MayEditPeople => Permissions.RolesFor(Permissions.EditPeople).Any(User.IsInRole);

    private IActionResult ShareResult((Organisations.ShareOutcome Outcome, Sentence? Message) r, long id)
    {
        if (r.Outcome == Organisations.ShareOutcome.NotFound && r.Message is null)
        {
            return NotFound();
        }

        TempData["Flash"] = r.Message is null ? null : Resources.Strings.Say(r.Message);
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostAdverseAsync(long id, string? adverseName, CancellationToken ct) =>
        ChangeAsync(id, Permissions.EditPeople, async () =>
        {
            var owner = await db.People.Where(p => p.Id == id).Select(p => p.OrganisationId).FirstAsync(ct);
            var (party, error) = Domain.Organisations.AdverseParty.Create(id, owner, adverseName, clock.GetUtcNow());
            if (party is null)
            {
                return [new FieldError("AdverseName", error!)];
            }

            db.AdverseParties.Add(party);
            return [];
        }, Sentence.Of($"Adverse party added."), ct);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await HttpContext.AuditReadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAliasAsync(long id, string? aliasGiven, string? aliasFamily, CancellationToken ct) =>
        ChangeAsync(id, Permissions.EditPeople, async () =>
        {
            var person = await db.People.Include(p => p.Aliases).FirstAsync(p => p.Id == id, ct);
            return person.AddAlias(aliasGiven, aliasFamily, "entered by hand");
        }, Sentence.Of($"Alias added."), ct);

    public Task<IActionResult> OnPostContactAsync(long id, string? contactName, string? contactRelationship, string? contactPhone, CancellationToken ct) =>
        ChangeAsync(id, Permissions.EditPeople, () =>
        {
            if (string.IsNullOrWhiteSpace(contactName))
            {
                return Task.FromResult<IReadOnlyList<FieldError>>([new("ContactName", "Give the contact's name.")]);
            }

            db.FamilyContacts.Add(new FamilyContactEntry(id, contactName, contactRelationship, contactPhone).ToEntity());
            return Task.FromResult<IReadOnlyList<FieldError>>([]);
        }, Sentence.Of($"Contact added."), ct);

    public Task<IActionResult> OnPostNoteAsync(long id, string? noteText, bool notePrivileged, CancellationToken ct) =>
        ChangeAsync(id, Permissions.EditPeople, () =>
        {
            if (string.IsNullOrWhiteSpace(noteText))
            {
                return Task.FromResult<IReadOnlyList<FieldError>>([new("NoteText", "The note is empty.")]);
            }

            var privileged = notePrivileged && UserAccess.From(User).CanReadPrivileged;
            db.Notes.Add(new Note(id, actor.UserId!, clock.GetUtcNow(), noteText, privileged));
            return Task.FromResult<IReadOnlyList<FieldError>>([]);
        }, Sentence.Of($"Note added."), ct);

    public Task<IActionResult> OnPostRemovalOrderAsync(long id, DateOnly? orderDate, Adjudicator orderBy, bool orderInAbsentia,
        AppealRight orderAppeal, ProceedingType orderProceeding, string? orderCountry, CancellationToken ct) =>
        ChangeAsync(id, Permissions.EditLegal, () =>
        {
            if (orderDate is null)
            {
                return Task.FromResult<IReadOnlyList<FieldError>>([new("OrderDate", "Give the date of the removal order.")]);
            }

            var (order, errors) = RemovalOrder.Create(id, orderDate.Value, orderBy, orderInAbsentia,
                orderAppeal == AppealRight.Waived, orderCountry, clock.Today(), orderAppeal == AppealRight.Reserved, orderProceeding);
            if (order is not null)
            {
                db.RemovalOrders.Add(order);
            }

            return Task.FromResult(errors);
        }, Sentence.Of($"Removal order added."), ct);

    public Task<IActionResult> OnPostConvictionAsync(long id, string? convictionOffence, DateOnly? convictionDate, string? convictionSentence,
        bool convictionCompleted, CancellationToken ct) =>
        ChangeAsync(id, Permissions.EditLegal, () =>
        {
            var (conviction, errors) = Conviction.Create(id, convictionOffence, convictionDate, convictionSentence, convictionCompleted, clock.Today());
            if (conviction is not null)
            {
                db.Convictions.Add(conviction);
            }

            return Task.FromResult(errors);
        }, Sentence.Of($"Conviction added."), ct);

    private async Task<IActionResult> ChangeAsync(long id, string permission, Func<Task<IReadOnlyList<FieldError>>> change, Sentence done, CancellationToken ct)
    {
        if (!Permissions.RolesFor(permission).Any(User.IsInRole))
        {
            return Forbid();
        }

        if (!await db.People.AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }

        var errors = await change();
        if (errors.Count > 0)
        {
            ApiErrors.AddTo(ModelState, errors, prefix: "");
            await LoadAsync(id, ct);
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Resources.Strings.Say(done);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Access = UserAccess.From(User);
        Attorneys = Access.IsAdmin ? await Lookups.AttorneysAsync(db, ct) : [];
        Dossier = await PersonFile.LoadAsync(db, id, Access, ct);
        ProtectionPanel = Dossier is null ? null : await Protection.PersonProtectionPanel.LoadAsync(db, recompute, clock, id, Access, ct);
        Records = Dossier is null ? [] : await Stayline.Features.Records.RecordsLedger.ForPersonAsync(db, id, clock.Today(), ct);
        Bonds = (await db.BondCases.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.RequestedOn).ThenBy(c => c.Id).ToListAsync(ct))
            .Select(c => (c, c.Evaluate(clock.Today(), Domain.Deadlines.CourtCalendar.Federal))).ToList();
        if (Dossier is null)
        {
            return false;
        }

        var owner = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.OrganisationId).FirstAsync(ct);
        OwnerName = await db.Organisations.AsNoTracking().Where(o => o.Id == owner).Select(o => o.Name).FirstAsync(ct);
        Shares = await Organisations.PersonShares.ListAsync(db, id, ct);
        var reader = db.Visibility;
        MayShare = Access.CanEditPeople && reader.ActsFor(owner);
        ShareTargets = MayShare
            ? (await db.Organisations.AsNoTracking().Where(o => o.Id != owner).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
                .Where(o => Shares.All(s => s.OrganisationId != o.Id)).Select(o => (o.Id, o.Name)).ToList()
            : [];
        var checkIds = await db.ConflictChecks.AsNoTracking().Where(c => c.PersonId == id && (reader.All || c.OrganisationId == reader.OrganisationId))
            .OrderByDescending(c => c.Id).Take(10).ToListAsync(ct);
        ConflictChecks = checkIds.ConvertAll(Organisations.ConflictChecks.ToDto);
        AdverseParties = await db.AdverseParties.AsNoTracking().Where(x => x.PersonId == id).OrderBy(x => x.Id).Select(x => x.Name).ToListAsync(ct);
        return true;
    }

    private sealed record FamilyContactEntry(long PersonId, string Name, string? Relationship, string? Phone)
    {
        public FamilyContact ToEntity()
        {
            var c = FamilyContact.For(PersonId);
            c.Name = Name.Trim();
            c.Relationship = string.IsNullOrWhiteSpace(Relationship) ? null : Relationship.Trim();
            c.Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
            return c;
        }
    }
}
