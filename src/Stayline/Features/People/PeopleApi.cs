using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.People;

/// <summary>A person as the API gives it: every field <see cref="PersonWrite"/> accepts is here, so a client that PUTs back
/// what it read changes nothing (the rest, custody and aliases, is kept by their own endpoints and pages).</summary>
public sealed record PersonDto(long Id, string? ANumber, string GivenName, string FamilyName, string? NativeName,
    DateOnly? BirthDate, BirthDatePrecision BirthDatePrecision, string? Citizenship, string? Languages, bool ConsentGiven,
    DateOnly? ConsentDate, CustodyStatus CustodyStatus, long? CurrentFacilityId, int Version, IReadOnlyList<AliasDto> Aliases,
    string? BirthPlace, string? FatherName, string? MotherName, string? City, string? Email, string? Phone)
{
    /// <summary>The one mapping from a person: translated to SQL by the PostgreSQL read (<see cref="PersonReader"/>), run in
    /// memory on an entity (<see cref="Of"/>) everywhere else.</summary>
    public static readonly Expression<Func<Person, PersonDto>> Projection = p => new PersonDto(p.Id, p.ANumber, p.GivenName, p.FamilyName, p.NativeName,
        p.BirthDate, p.BirthDatePrecision, p.Citizenship, p.Languages, p.ConsentGiven, p.ConsentDate, p.CustodyStatus, p.CurrentFacilityId, p.Version,
        p.Aliases.OrderBy(a => a.Id).Select(a => new AliasDto(a.GivenName, a.FamilyName, a.Source)).ToList(),
        p.BirthPlace, p.FatherName, p.MotherName, p.City, p.Email, p.Phone);

    private static readonly Func<Person, PersonDto> Compiled = Projection.Compile();

    public static PersonDto Of(Person person) => Compiled(person);
}

public sealed record AliasDto(string GivenName, string FamilyName, string? Source);

/// <summary>What a client sends to create or update a person; on update, Version is the one it read.</summary>
public sealed record PersonWrite(string? ANumber, string? GivenName, string? FamilyName, string? NativeName, DateOnly? BirthDate,
    BirthDatePrecision? BirthDatePrecision, string? Citizenship, string? Languages, bool ConsentGiven = false, DateOnly? ConsentDate = null,
    int? Version = null, string? BirthPlace = null, string? FatherName = null, string? MotherName = null, string? City = null, string? Email = null,
    string? Phone = null)
{
    /// <param name="keep">On update, the person as stored: a particular the body leaves out (null) keeps its value, so a
    /// client written before the particulars existed does not erase what an import stored; "" clears it.</param>
    public PersonInput ToInput(Person? keep = null) => new(ANumber, GivenName, FamilyName, NativeName, BirthDate,
        BirthDatePrecision ?? Domain.People.BirthDatePrecision.Exact, Citizenship, Languages, ConsentGiven, ConsentDate,
        BirthPlace ?? keep?.BirthPlace, FatherName ?? keep?.FatherName, MotherName ?? keep?.MotherName, City ?? keep?.City,
        Email ?? keep?.Email, Phone ?? keep?.Phone);
}

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People").RequireAuthorization(Permissions.Read);
        group.MapGet("/", List);
        group.MapGet("/{id:long}", Get);
        group.MapPost("/", Create).RequireAuthorization(Permissions.EditPeople);
        group.MapPut("/{id:long}", Update).RequireAuthorization(Permissions.EditPeople);
        return group;
    }

    private static async Task<Ok<PeoplePage>> List([AsParameters] PeopleFilterQuery query, StaylineDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await PeopleQuery.RunAsync(db, query.ToFilter(), ct));

    /// <summary>The hottest read of the API: see <see cref="PersonReader"/>. Authorized by the group's policy, audited like the page.</summary>
    private static async Task<Results<Ok<PersonDto>, NotFound>> Get(long id, HttpContext http, PersonReader reader, CancellationToken ct)
    {
        var person = await reader.ReadAsync(id, http.RequestServices, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        await http.AuditReadAsync(id, ct);
        return TypedResults.Ok(person);
    }

    private static async Task<Results<Created<PersonDto>, ValidationProblem, Conflict<ProblemDetails>>> Create(
        PersonWrite body, StaylineDbContext db, TimeProvider clock, AuditActor actor, HttpContext http, CancellationToken ct)
    {
        var (person, errors) = Person.Create(body.ToInput(), clock.Today(), clock.GetUtcNow());
        if (person is null)
        {
            return ApiErrors.Validation(errors);
        }

        if (await PeopleRules.DuplicateANumberAsync(db, person.ANumber, null, ct) is { } dup)
        {
            return ApiErrors.Validation([dup]);
        }

        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        // Intake's conflict check, stored with the person; its id tells the client where to record the decision.
        var (check, _) = await Organisations.ConflictChecks.RunAsync(db, person.FullName, Domain.Organisations.ConflictPurpose.Intake, person.Id, actor,
            clock.GetUtcNow(), ct);
        http.Response.Headers["X-Stayline-Conflict-Check"] = check.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Created($"/api/v1/people/{person.Id}", PersonDto.Of(person));
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        long id, PersonWrite body, StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Aliases).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        if (body.Version is null)
        {
            return ApiErrors.Validation([new("Version", "Send the version you read (from GET) so that a concurrent edit is not overwritten.")]);
        }

        if (body.Version != person.Version)
        {
            return ApiErrors.Conflict("This person", person.Version);
        }

        db.Entry(person).Property(p => p.Version).OriginalValue = body.Version.Value;
        var errors = person.Update(body.ToInput(keep: person), clock.Today());
        if (errors.Count > 0)
        {
            return ApiErrors.Validation(errors);
        }

        if (await PeopleRules.DuplicateANumberAsync(db, person.ANumber, id, ct) is { } dup)
        {
            return ApiErrors.Validation([dup]);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Version).FirstAsync(ct);
            return ApiErrors.Conflict("This person", current);
        }

        return TypedResults.Ok(PersonDto.Of(person));
    }
}

/// <summary>Query-string binding for <see cref="PeopleFilter"/>.</summary>
public sealed record PeopleFilterQuery(string? Q, long? FacilityId, CustodyStatus? Status, string? AttorneyId, long? ClassId,
    bool? HasLawyer, PeopleSort? Sort, bool? Desc, int? Page, int? PageSize, string? After = null, string? Before = null)
{
    public PeopleFilter ToFilter() => new()
    {
        Q = Q,
        FacilityId = FacilityId,
        Status = Status,
        AttorneyId = AttorneyId,
        ClassId = ClassId,
        HasLawyer = HasLawyer,
        // A name search comes closest first unless another order is asked for.
        Sort = Sort ?? (PeopleQuery.IsNameQuery(Q) ? PeopleSort.Closeness : PeopleSort.Name),
        Desc = Desc ?? false,
        Page = Page ?? 1,
        PageSize = PageSize ?? 50,
        After = After,
        Before = Before,
    };
}
