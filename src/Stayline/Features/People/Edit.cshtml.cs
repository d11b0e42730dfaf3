using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Features.Review;
using Stayline.Features.Shared;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.People;

/// <summary>Add a person (no id) or edit one. A stale edit is refused and shown, never silently applied.</summary>
[Authorize(Policy = Permissions.EditPeople)]
public sealed class EditModel(StaylineDbContext db, TimeProvider clock, AuditActor actor, IStringLocalizer<Strings> t, LearnedContexts contexts) : PageModel
{
    public sealed record InputModel
    {
        [Display(Name = "A-number")]
        public string? ANumber { get; init; }
        public string? GivenName { get; init; }
        public string? FamilyName { get; init; }
        public string? NativeName { get; init; }
        public DateOnly? BirthDate { get; init; }
        public BirthDatePrecision BirthDatePrecision { get; init; } = BirthDatePrecision.Exact;
        public string? Citizenship { get; init; }
        public string? Languages { get; init; }
        public bool ConsentGiven { get; init; }
        public DateOnly? ConsentDate { get; init; }
        public string? BirthPlace { get; init; }
        public string? FatherName { get; init; }
        public string? MotherName { get; init; }
        public string? City { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public int Version { get; init; }

        public PersonInput ToDomain() => new(ANumber, GivenName, FamilyName, NativeName, BirthDate, BirthDatePrecision, Citizenship, Languages, ConsentGiven, ConsentDate,
            BirthPlace, FatherName, MotherName, City, Email, Phone);

        public static InputModel From(Person p)
        {
            var i = p.ToInput();
            return new InputModel
            {
                ANumber = i.ANumber,
                GivenName = i.GivenName,
                FamilyName = i.FamilyName,
                NativeName = i.NativeName,
                BirthDate = i.BirthDate,
                BirthDatePrecision = i.BirthDatePrecision == BirthDatePrecision.SuspectedPlaceholder ? BirthDatePrecision.Exact : i.BirthDatePrecision,
                Citizenship = i.Citizenship,
                Languages = i.Languages,
                ConsentGiven = i.ConsentGiven,
                ConsentDate = i.ConsentDate,
                BirthPlace = i.BirthPlace,
                FatherName = i.FatherName,
                MotherName = i.MotherName,
                City = i.City,
                Email = i.Email,
                Phone = i.Phone,
                Version = p.Version,
            };
        }
    }

    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new() { Citizenship = "Iraq" };

    public string Name { get; private set; } = "";

    /// <summary>Set by "add anyway" after the likely matches were shown: the person is added and the choice audited.</summary>
    [BindProperty]
    public bool AddAnyway { get; set; }

    /// <summary>People the one being added probably is, shown before anything is saved (empty otherwise).</summary>
    public IReadOnlyList<LikelyMatch> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (person is null)
            {
                return NotFound();
            }

            Input = InputModel.From(person);
            Name = person.FullName;
            await HttpContext.AuditReadAsync(id, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page(); // e.g. a date the browser sent in a form we cannot read
        }

        var today = clock.Today();
        Person? person;
        if (Id is { } id)
        {
            person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (person is null)
            {
                return NotFound();
            }

            Name = person.FullName;
            if (person.Version != Input.Version)
            {
                return Conflict(person);
            }

            db.Entry(person).Property(p => p.Version).OriginalValue = Input.Version;
            var errors = person.Update(Input.ToDomain(), today);
            if (errors.Count > 0)
            {
                ApiErrors.AddTo(ModelState, errors);
                return Page();
            }
        }
        else
        {
            (person, var errors) = Person.Create(Input.ToDomain(), today, clock.GetUtcNow());
            if (person is null)
            {
                ApiErrors.AddTo(ModelState, errors);
                return Page();
            }

        }

        var duplicateANumber = await PeopleRules.DuplicateANumberAsync(db, person.ANumber, Id, ct);
        if (Id is null)
        {
            // Before a new person is saved: who they probably already are. The same A-number is always shown (and
            // cannot be added anyway); otherwise the user opens theirs or adds anyway, and that choice is audited.
            Matches = await LikelyMatches.FindAsync(db, contexts, person, ct);
            if (duplicateANumber is null && Matches.Count > 0 && !AddAnyway)
            {
                return Page();
            }

            db.People.Add(person);
        }

        if (duplicateANumber is { } dup)
        {
            ApiErrors.AddTo(ModelState, [dup]);
            return Page();
        }

        // A new person, the "add anyway" audit and the intake conflict check are written together or not at all.
        await using var transaction = Id is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await db.People.AsNoTracking().FirstAsync(p => p.Id == Id, ct));
        }

        TempData["Flash"] = string.Format(CultureInfo.CurrentCulture, t["PeEd.Saved"], person.FullName);
        if (Id is null && Matches.Count > 0)
        {
            // Added although the likely matches were shown: who chose it, and which people with which scores they saw.
            db.AuditEvents.Add(new Domain.Work.AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, "add-anyway", nameof(Person),
                person.Id.ToString(CultureInfo.InvariantCulture), person.Id, null,
                System.Text.Json.JsonSerializer.Serialize(Matches.Select(m => new { m.Id, m.Name, Score = Math.Round(m.Score, 3) }))));
            await db.SaveChangesAsync(ct);
        }

        if (Id is null)
        {
            // Intake: every organisation's clients, family contacts and adverse parties are checked for the new name.
            var (check, hits) = await Organisations.ConflictChecks.RunAsync(db, person.FullName, Domain.Organisations.ConflictPurpose.Intake, person.Id, actor,
                clock.GetUtcNow(), ct);
            if (hits.Count > 0)
            {
                TempData["Flash"] = string.Format(CultureInfo.CurrentCulture, t[hits.Count == 1 ? "PeEd.SavedConflictOne" : "PeEd.SavedConflicts"], person.FullName, hits.Count, check.Id);
            }

            await transaction!.CommitAsync(ct);
        }

        return Redirect($"/People/Details?id={person.Id}");
    }

    private PageResult Conflict(Person current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", t["Stale.Conflict"]);
        Input = InputModel.From(current);
        return Page();
    }
}
