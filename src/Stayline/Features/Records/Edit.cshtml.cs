using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Records;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Records;

/// <summary>Adds a records request to a person's file or records what became of it (acknowledged, produced, denied).</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class EditModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    public sealed record InputModel
    {
        public RecordKind Kind { get; init; } = RecordKind.AFile;
        public RecordsChannel Channel { get; init; } = RecordsChannel.Foia;
        public RecordsAgency Agency { get; init; } = RecordsAgency.Uscis;
        public DateOnly? RequestedOn { get; init; }
        public DateOnly? AgencyReceivedOn { get; init; }
        public string? TrackingNumber { get; init; }
        public RecordsStatus Status { get; init; } = RecordsStatus.Requested;
        public bool UnusualCircumstances { get; init; }
        public DateOnly? ProduceBy { get; init; }
        public DateOnly? ProducedOn { get; init; }
        public string? Notes { get; init; }
        public int Version { get; init; }

        public RecordsRequestInput ToDomain() =>
            new(Kind, Channel, Agency, RequestedOn, Status, TrackingNumber, AgencyReceivedOn, UnusualCircumstances, ProduceBy, ProducedOn, Notes);

        public static InputModel From(RecordsRequest r) => new()
        {
            Kind = r.Kind,
            Channel = r.Channel,
            Agency = r.Agency,
            RequestedOn = r.RequestedOn,
            AgencyReceivedOn = r.AgencyReceivedOn,
            TrackingNumber = r.TrackingNumber,
            Status = r.Status,
            UnusualCircumstances = r.UnusualCircumstances,
            ProduceBy = r.ProduceBy,
            ProducedOn = r.ProducedOn,
            Notes = r.Notes,
            Version = r.Version,
        };
    }

    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? PersonId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string PersonName { get; private set; } = "";

    /// <summary>The production date a class order sets for this person, shown next to the form's own.</summary>
    public DateOnly? ClassDue { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var r = await db.RecordsRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (r is null)
            {
                return NotFound();
            }

            PersonId = r.PersonId;
            Input = InputModel.From(r);
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
        if (Id is { } id)
        {
            var (request, errors, conflict) = await RecordsWrites.UpdateAsync(db, id, Input.ToDomain(), Input.Version, clock.Today(), ct);
            if (conflict is not null)
            {
                ModelState.Clear();
                ModelState.AddModelError("", ApiErrors.ConflictMessage);
                var current = await db.RecordsRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
                (Input, PersonId) = (InputModel.From(current), current.PersonId);
                return await LoadAsync(ct) ? Page() : NotFound();
            }

            if (request is null && errors.Count == 0)
            {
                return NotFound();
            }

            if (request is null)
            {
                ApiErrors.AddTo(ModelState, errors);
                PersonId = await db.RecordsRequests.Where(r => r.Id == id).Select(r => r.PersonId).FirstAsync(ct);
                return await LoadAsync(ct) ? Page() : NotFound();
            }

            TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Saved the records request ({Sentences.Label(request.Kind)}: {Sentences.Label(request.Status)})."));
            return Redirect($"/People/Details?id={request.PersonId}#records");
        }

        if (PersonId is not { } personId || !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return NotFound();
        }

        var (created, createErrors) = await RecordsWrites.CreateAsync(db, personId, Input.ToDomain(), clock.Today(), ct);
        if (created is null)
        {
            ApiErrors.AddTo(ModelState, createErrors);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Added a records request ({Sentences.Label(created.Kind)}) to {Sentences.Label(created.Agency)}."));
        return Redirect($"/People/Details?id={personId}#records");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var personId = await db.RecordsRequests.Where(r => r.Id == Id).Select(r => (long?)r.PersonId).FirstOrDefaultAsync(ct);
        if (Id is not { } id || personId is null || !await RecordsWrites.DeleteAsync(db, id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Removed the records request (and the receipt it recorded, if any)."));
        return Redirect($"/People/Details?id={personId}#records");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == PersonId).Select(p => new { p.GivenName, p.FamilyName }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return false;
        }

        PersonName = $"{person.GivenName} {person.FamilyName}";
        ClassDue = RecordsLedger.Due(await RecordsQueries.ClassDueByPersonAsync(db, [PersonId!.Value], ct), PersonId.Value);
        return true;
    }
}
