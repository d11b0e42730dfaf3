using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Matters;

public sealed record RemovalOrderDto(long Id, long PersonId, DateOnly OrderedOn, Adjudicator IssuedBy, bool InAbsentia, AppealRight Appeal,
    ProceedingType Proceeding, string? CountryDesignated)
{
    public static RemovalOrderDto From(RemovalOrder o) =>
        new(o.Id, o.PersonId, o.OrderedOn, o.IssuedBy, o.InAbsentia, o.Appeal, o.Proceeding, o.CountryDesignated);
}

/// <param name="Appeal">Waived or reserved at the hearing; Unknown when not recorded (then protection during the appeal period is unknown).</param>
public sealed record RemovalOrderWrite(DateOnly? OrderedOn, Adjudicator IssuedBy = Adjudicator.ImmigrationJudge, bool InAbsentia = false,
    AppealRight Appeal = AppealRight.Unknown, ProceedingType Proceeding = ProceedingType.Unknown, string? CountryDesignated = null);

public sealed record ConvictionDto(long Id, long PersonId, string Offence, DateOnly? ConvictedOn, string? Sentence, bool SentenceCompleted)
{
    public static ConvictionDto From(Conviction c) => new(c.Id, c.PersonId, c.Offence, c.ConvictedOn, c.Sentence, c.SentenceCompleted);
}

public sealed record ConvictionWrite(string? Offence, DateOnly? ConvictedOn = null, string? Sentence = null, bool SentenceCompleted = false);

/// <summary>
/// A person's immigration and criminal history as the engine reads it: final removal orders and convictions. The
/// same domain rules as the person page's forms; a wrong entry is removed and entered again (both audited), and every
/// write recomputes the person's protection in the same transaction.
/// </summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Removal orders and convictions").RequireAuthorization(Permissions.Read);
        group.MapGet("/people/{personId:long}/removal-orders", RemovalOrders);
        group.MapPost("/people/{personId:long}/removal-orders", AddRemovalOrder).RequireAuthorization(Permissions.EditLegal);
        group.MapDelete("/removal-orders/{id:long}", DeleteRemovalOrder).RequireAuthorization(Permissions.EditLegal);
        group.MapGet("/people/{personId:long}/convictions", Convictions);
        group.MapPost("/people/{personId:long}/convictions", AddConviction).RequireAuthorization(Permissions.EditLegal);
        group.MapDelete("/convictions/{id:long}", DeleteConviction).RequireAuthorization(Permissions.EditLegal);
        return app;
    }

    private static async Task<Results<Ok<List<RemovalOrderDto>>, NotFound>> RemovalOrders(long personId, HttpContext http, StaylineDbContext db, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var orders = (await db.RemovalOrders.AsNoTracking().Where(o => o.PersonId == personId).OrderBy(o => o.OrderedOn).ThenBy(o => o.Id).ToListAsync(ct))
            .Select(RemovalOrderDto.From).ToList();
        await http.AuditReadAsync(personId, ct);
        return TypedResults.Ok(orders);
    }

    private static async Task<Results<Created<RemovalOrderDto>, NotFound, ValidationProblem>> AddRemovalOrder(long personId, RemovalOrderWrite body,
        StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        if (body.OrderedOn is not { } on)
        {
            return ApiErrors.Validation([new("OrderedOn", "Give the date of the removal order.")]);
        }

        var (order, errors) = RemovalOrder.Create(personId, on, body.IssuedBy, body.InAbsentia, body.Appeal == AppealRight.Waived, body.CountryDesignated,
            clock.Today(), body.Appeal == AppealRight.Reserved, body.Proceeding);
        if (order is null)
        {
            return ApiErrors.Validation(errors);
        }

        db.RemovalOrders.Add(order);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/people/{personId}/removal-orders", RemovalOrderDto.From(order));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteRemovalOrder(long id, StaylineDbContext db, CancellationToken ct)
    {
        if (await db.RemovalOrders.FirstOrDefaultAsync(o => o.Id == id, ct) is not { } order)
        {
            return TypedResults.NotFound();
        }

        db.RemovalOrders.Remove(order);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<ConvictionDto>>, NotFound>> Convictions(long personId, HttpContext http, StaylineDbContext db, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var list = (await db.Convictions.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.ConvictedOn).ThenBy(c => c.Id).ToListAsync(ct))
            .Select(ConvictionDto.From).ToList();
        await http.AuditReadAsync(personId, ct);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<ConvictionDto>, NotFound, ValidationProblem>> AddConviction(long personId, ConvictionWrite body,
        StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var (conviction, errors) = Conviction.Create(personId, body.Offence, body.ConvictedOn, body.Sentence, body.SentenceCompleted, clock.Today());
        if (conviction is null)
        {
            return ApiErrors.Validation(errors);
        }

        db.Convictions.Add(conviction);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/people/{personId}/convictions", ConvictionDto.From(conviction));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteConviction(long id, StaylineDbContext db, CancellationToken ct)
    {
        if (await db.Convictions.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } conviction)
        {
            return TypedResults.NotFound();
        }

        db.Convictions.Remove(conviction);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
