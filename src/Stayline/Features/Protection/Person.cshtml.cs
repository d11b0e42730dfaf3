using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Work;
using Stayline.Features.Shared;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Protection;

/// <summary>The person page's protection forms post here: a fact, a stay, a deadline entered by hand. Success returns to the file.</summary>
public sealed class PersonModel(StaylineDbContext db, TimeProvider clock, AuditActor actor, IStringLocalizer<Strings> t) : PageModel
{
    public long PersonId { get; private set; }

    public IActionResult OnGet(long personId) => Redirect($"/People/Details?id={personId}");

    public async Task<IActionResult> OnPostEventAsync(long personId, PersonEventKind kind, DateOnly? on, CancellationToken ct)
    {
        if (!Permissions.RolesFor(Permissions.EditPeople).Any(User.IsInRole))
        {
            return Forbid();
        }

        return Done(personId, await FactWrites.RecordEventAsync(db, personId, new EventWrite(kind, on), clock.Today(), ct), t["ProtMsg.Recorded"]);
    }

    /// <summary>Takes back an event recorded by mistake (refused, with the reason, while a filing relies on it).</summary>
    public async Task<IActionResult> OnPostUndoEventAsync(long personId, long eventId, CancellationToken ct)
    {
        if (!Permissions.RolesFor(Permissions.EditPeople).Any(User.IsInRole))
        {
            return Forbid();
        }

        return Outcome(personId, await EventCorrections.UndoAsync(db, personId, eventId, ct));
    }

    public async Task<IActionResult> OnPostCorrectEventAsync(long personId, long eventId, DateOnly? on, string? description, CancellationToken ct)
    {
        if (!Permissions.RolesFor(Permissions.EditPeople).Any(User.IsInRole))
        {
            return Forbid();
        }

        return Done(personId, await EventCorrections.CorrectAsync(db, personId, eventId, on, description, clock.Today(), ct), t["ProtMsg.Corrected"]);
    }

    /// <summary>Takes back the latest detention, transfer, release or removal.</summary>
    public async Task<IActionResult> OnPostUndoCustodyAsync(long personId, CancellationToken ct)
    {
        if (!Permissions.RolesFor(Permissions.EditPeople).Any(User.IsInRole))
        {
            return Forbid();
        }

        return Outcome(personId, await Custody.CustodyUndo.UndoLatestAsync(db, personId, ct));
    }

    private IActionResult Outcome(long personId, Custody.UndoOutcome? outcome)
    {
        if (outcome is null)
        {
            return NotFound();
        }

        TempData["Flash"] = Resources.Strings.Say(outcome.Said);
        return Redirect($"/People/Details?id={personId}");
    }

    public async Task<IActionResult> OnPostStayAsync(long personId, Adjudicator grantedBy, DateOnly? grantedOn, DateOnly? lastDay, long? untilDecisionOfMatter,
        CancellationToken ct)
    {
        if (!Permissions.RolesFor(Permissions.EditLegal).Any(User.IsInRole))
        {
            return Forbid();
        }

        var (_, errors) = await FactWrites.RecordIndividualStayAsync(db, personId,
            new IndividualStayWrite(grantedBy, grantedOn, null, null, null, lastDay, untilDecisionOfMatter), clock.Today(), ct);
        return Done(personId, errors, t["ProtMsg.StayRecorded"]);
    }

    public async Task<IActionResult> OnPostDeadlineAsync(long personId, string? title, DateOnly? dueDate, string? trigger, string? citation, string? explanation,
        CancellationToken ct)
    {
        if (!Permissions.RolesFor(Permissions.EditLegal).Any(User.IsInRole))
        {
            return Forbid();
        }

        if (!db.People.Any(p => p.Id == personId))
        {
            return NotFound();
        }

        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(title), "Title", Sentence.Verbatim(t["ProtMsg.SayWhat"]));
        v.Require(dueDate is not null, "DueDate", Sentence.Verbatim(t["ProtMsg.GiveDue"]));
        v.Require(!string.IsNullOrWhiteSpace(citation), "Citation", Sentence.Verbatim(t["ProtMsg.GiveRule"]));
        if (!v.IsValid)
        {
            return Done(personId, v.Errors, "");
        }

        var now = clock.GetUtcNow();
        var deadline = new PersonDeadline
        {
            PersonId = personId,
            RuleId = "manual",
            DueDate = dueDate,
            Citation = citation!.Trim(),
            State = nameof(Domain.Deadlines.DeadlineState.Open),
            Manual = true,
            Title = title!.Trim(),
            Trigger = string.IsNullOrWhiteSpace(trigger) ? null : trigger.Trim(),
            Explanation = string.IsNullOrWhiteSpace(explanation) ? null : explanation.Trim(),
            CreatedBy = actor.UserName,
            CreatedAt = now,
        };
        db.Deadlines.Add(deadline);
        // Derived rows are not audited (they follow from audited facts); a deadline typed by hand is a fact of its own.
        db.AuditEvents.Add(new AuditEvent(now, actor.UserId, actor.UserName, "create", nameof(PersonDeadline), null, personId, null,
            string.Create(CultureInfo.InvariantCulture, $"{{\"Title\":{System.Text.Json.JsonSerializer.Serialize(deadline.Title)},\"DueDate\":\"{dueDate:yyyy-MM-dd}\",\"Manual\":true}}")));
        await db.SaveChangesAsync(ct);
        return Done(personId, [], t["ProtMsg.DeadlineAdded"]);
    }

    private IActionResult Done(long personId, IReadOnlyList<FieldError>? errors, string message)
    {
        PersonId = personId;
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Count > 0)
        {
            ApiErrors.AddTo(ModelState, errors, prefix: "");
            return Page();
        }

        TempData["Flash"] = message;
        return Redirect($"/People/Details?id={personId}");
    }
}
