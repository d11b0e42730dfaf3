using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Common;
using Stayline.Domain.Protection;
using Stayline.Features.Bulk;
using Stayline.Features.Protection;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Classes;

public sealed record ClassDto(long Id, string Name, string Court, string? CaseNumber, string? Description, int Members);

/// <param name="Terms">A class stay order's typed terms (null for other orders, or a stay whose terms were never entered).</param>
/// <param name="Described">The terms in words, as the class page shows them.</param>
public sealed record ClassOrderDto(long Id, CourtOrderKind Kind, string Title, string Court, string? CaseNumber, DateOnly IssuedOn, ClassStayTerms? Terms,
    string Described);

public sealed record ClassDetailDto(ClassDto Class, IReadOnlyList<ClassOrderDto> Orders);

public sealed record ClassWrite(string? Name, string? Court, string? CaseNumber = null, string? Description = null);

/// <summary>Who to add to a class: ids and/or A-numbers (any common format). Apply=false previews; Apply=true adds all or none.</summary>
public sealed record ClassMembersWrite(IReadOnlyList<long>? PersonIds = null, string? ANumbers = null, bool Apply = false);

/// <summary>
/// Class actions, their orders and their members. The members themselves are listed by the people API
/// (<c>GET /api/v1/people?classId=</c>); adding them is the bulk action's "add to class" (previewed, all or none).
/// </summary>
public static class ClassesApi
{
    public static IEndpointRouteBuilder MapClassesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/classes").WithTags("Classes").RequireAuthorization(Permissions.Read);
        group.MapGet("/", List);
        group.MapPost("/", Create).RequireAuthorization(Permissions.Administer);
        group.MapGet("/{id:long}", Get);
        group.MapPost("/{classId:long}/orders", RecordOrder).RequireAuthorization(Permissions.Administer);
        group.MapPost("/{classId:long}/members", AddMembers).RequireAuthorization(Permissions.EditPeople);
        group.MapDelete("/{classId:long}/members/{personId:long}", RemoveMember).RequireAuthorization(Permissions.EditLegal);
        return app;
    }

    private static async Task<Ok<List<ClassDto>>> List(StaylineDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Query(db, db.ClassActions.OrderBy(c => c.Name)).ToListAsync(ct));

    private static IQueryable<ClassDto> Query(StaylineDbContext db, IQueryable<ClassAction> classes) => classes.AsNoTracking()
        .Select(c => new ClassDto(c.Id, c.Name, c.Court, c.CaseNumber, c.Description, db.ClassMemberships.Count(m => m.ClassActionId == c.Id)));

    private static async Task<Results<Created<ClassDto>, ValidationProblem>> Create(ClassWrite body, StaylineDbContext db, CancellationToken ct)
    {
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(body.Name), "Name", $"Give the case name, e.g. \"Hamama v. Adducci\".");
        v.Require(!string.IsNullOrWhiteSpace(body.Court), "Court", $"Give the court, e.g. \"E.D. Mich.\".");
        v.Require(body.Name is null || body.Name.Trim().Length <= 200, "Name", $"The case name is longer than 200 characters.");
        if (!v.IsValid)
        {
            return ApiErrors.Validation(v.Errors);
        }

        var c = new ClassAction(body.Name!, body.Court!, body.CaseNumber, body.Description);
        db.ClassActions.Add(c);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/classes/{c.Id}", new ClassDto(c.Id, c.Name, c.Court, c.CaseNumber, c.Description, 0));
    }

    private static async Task<Results<Ok<ClassDetailDto>, NotFound>> Get(long id, StaylineDbContext db, CancellationToken ct)
    {
        if (await Query(db, db.ClassActions.Where(c => c.Id == id)).FirstOrDefaultAsync(ct) is not { } c)
        {
            return TypedResults.NotFound();
        }

        var orders = (await db.CourtOrders.AsNoTracking().Where(o => o.ClassActionId == id).OrderBy(o => o.IssuedOn).ThenBy(o => o.Id).ToListAsync(ct))
            .Select(o => o.Kind == CourtOrderKind.ClassStay
                ? new ClassOrderDto(o.Id, o.Kind, o.Title, o.Court, o.CaseNumber, o.IssuedOn, FactsReader.ReadTerms<ClassStayTerms>(o.TermsJson), ClassOrders.Describe(o.TermsJson).ToString())
                : new ClassOrderDto(o.Id, o.Kind, o.Title, o.Court, o.CaseNumber, o.IssuedOn, null, ""))
            .ToList();
        return TypedResults.Ok(new ClassDetailDto(c, orders));
    }

    private static async Task<Results<Created, NotFound, ValidationProblem>> RecordOrder(long classId, ClassOrderWrite body, StaylineDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var (id, errors) = await ClassOrders.RecordAsync(db, classId, body, clock.Today(), ct);
        return errors is null ? TypedResults.NotFound()
            : errors.Count > 0 ? ApiErrors.Validation(errors)
            : TypedResults.Created($"/Classes/Details?id={classId}#order-{id}");
    }

    private static async Task<Results<Ok<BulkPreview>, Ok<Bulk.BulkResult>, UnprocessableEntity<Bulk.BulkResult>, NotFound>> AddMembers(long classId,
        ClassMembersWrite body, StaylineDbContext db, BulkActions bulk, CancellationToken ct)
    {
        if (!await db.ClassActions.AnyAsync(c => c.Id == classId, ct))
        {
            return TypedResults.NotFound();
        }

        var selection = new BulkSelection(body.PersonIds, null, body.ANumbers);
        var action = new BulkAction(BulkActionKind.AddToClass, ClassId: classId);
        if (!body.Apply)
        {
            return TypedResults.Ok(await bulk.PreviewAsync(selection, action, ct));
        }

        var result = await bulk.ApplyAsync(selection, action, ct);
        return result.Applied ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    /// <summary>Ends a membership recorded by mistake (audited; the person's protection is recomputed in the same save).</summary>
    private static async Task<Results<NoContent, NotFound>> RemoveMember(long classId, long personId, StaylineDbContext db, CancellationToken ct)
    {
        if (await db.ClassMemberships.FirstOrDefaultAsync(m => m.ClassActionId == classId && m.PersonId == personId, ct) is not { } membership)
        {
            return TypedResults.NotFound();
        }

        db.ClassMemberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
