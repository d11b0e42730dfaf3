using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Features.Deadlines;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Protection;

public sealed record DeadlineDto(long PersonId, string PersonName, string? ANumber, string RuleId, string Title, string Trigger, DateOnly? TriggerDate,
    DateOnly? DueDate, string State, bool Manual, string Citation, string Explanation)
{
    public static DeadlineDto From(DeadlineView v) => new(v.Row.PersonId, v.Row.PersonName, v.ANumberDisplay, v.Row.RuleId, v.Title, v.TriggerText,
        v.Row.TriggerDate, v.Row.DueDate, v.Row.State, v.Row.Manual, v.Row.Citation, v.Explanation);
}

public sealed record BulkRecordWrite(string? ANumbers, Domain.Custody.PersonEventKind Kind, DateOnly? On, bool Apply = false);

public static class ProtectionApi
{
    public static RouteGroupBuilder MapProtectionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Protection and deadlines").RequireAuthorization(Permissions.Read);
        group.MapGet("/people/{personId:long}/protection", GetProtection);
        group.MapGet("/people/{personId:long}/deadlines", PersonDeadlinesList);
        group.MapGet("/deadlines", DeadlinesList);
        group.MapPost("/people/{personId:long}/events", RecordEvent).RequireAuthorization(Permissions.EditPeople);
        group.MapPost("/people/{personId:long}/stays", RecordStay).RequireAuthorization(Permissions.EditLegal);
        group.MapPut("/matters/{matterId:long}/stay", RecordStayDecision).RequireAuthorization(Permissions.EditLegal);
        group.MapPut("/matters/{matterId:long}/findings", RecordFindings).RequireAuthorization(Permissions.EditLegal);
        group.MapPost("/records", BulkRecord).RequireAuthorization(Permissions.EditLegal);
        return group;
    }

    /// <param name="asOf">yyyy-MM-dd: evaluate that day from the facts recorded now, without changing the stored result (which answers for today).</param>
    private static async Task<Results<Ok<ProtectionView>, NotFound, ValidationProblem>> GetProtection(long personId, string? asOf, HttpContext http,
        StaylineDbContext db, ProtectionRecompute recompute, TimeProvider clock, CancellationToken ct)
    {
        if (!ProtectionReader.TryParseAsOf(asOf, out var day, out var error))
        {
            return ApiErrors.Validation([new("asOf", error)]);
        }

        var view = day is { } d
            ? await ProtectionReader.GetAsOfAsync(db, personId, d, ct)
            : await ProtectionReader.GetAsync(db, recompute, clock, personId, ct);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        await http.AuditReadAsync(personId, ct);
        return TypedResults.Ok(view);
    }

    /// <param name="asOf">yyyy-MM-dd: the deadlines and their states on that day, evaluated without changing the stored rows.</param>
    private static async Task<Results<Ok<List<DeadlineDto>>, NotFound, ValidationProblem>> PersonDeadlinesList(long personId, string? asOf, HttpContext http,
        StaylineDbContext db, ProtectionRecompute recompute, TimeProvider clock, CancellationToken ct)
    {
        if (!ProtectionReader.TryParseAsOf(asOf, out var day, out var error))
        {
            return ApiErrors.Validation([new("asOf", error)]);
        }

        if (day is { } d)
        {
            if (await DeadlineQueries.ForPersonAsOfAsync(db, personId, d, ct) is not { } views)
            {
                return TypedResults.NotFound();
            }

            await http.AuditReadAsync(personId, ct);
            return TypedResults.Ok(views.Select(DeadlineDto.From).ToList());
        }

        // Reading protection first brings a stale person up to today, deadlines included.
        if (await ProtectionReader.GetAsync(db, recompute, clock, personId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var deadlines = (await DeadlineQueries.ForPersonAsync(db, personId, ct)).Select(DeadlineDto.From).ToList();
        await http.AuditReadAsync(personId, ct);
        return TypedResults.Ok(deadlines);
    }

    /// <summary>
    /// The board in its order (our filings missed in the last 30 days, due within 7 days, within <paramref name="days"/> days,
    /// then the days of clocks and other parties' duties reached in the last 30 days; each grouped by rule, then by due date); mine=true: my clients only. A page of <paramref name="take"/> rows (up to
    /// 1,000) after the cursor <paramref name="after"/>; the exact number of rows is in X-Total-Count and the next page's
    /// cursor in X-Next-After (absent on the last page).
    /// </summary>
    private static async Task<Results<Ok<List<DeadlineDto>>, ValidationProblem>> DeadlinesList(bool? mine, int? days, string? after, int? take,
        HttpContext http, StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (take is < 1 or > DeadlineBoard.MaxPageSize)
        {
            return ApiErrors.Validation([new("take", $"take must be from 1 to {DeadlineBoard.MaxPageSize}; got {take}.")]);
        }

        var page = await DeadlineBoard.PageAsync(db, UserAccess.From(http.User), mine ?? false, clock.Today(), Math.Clamp(days ?? 30, 1, 366), after,
            take ?? DeadlineBoard.MaxPageSize, ct);
        if (page is null)
        {
            return ApiErrors.Validation([new("after", "after is not a cursor from X-Next-After; start without it.")]);
        }

        http.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (page.Next is { } next)
        {
            http.Response.Headers["X-Next-After"] = next;
        }

        return TypedResults.Ok(page.Rows.Select(DeadlineDto.From).ToList());
    }

    private static async Task<Results<Ok<ProtectionView>, NotFound, ValidationProblem>> RecordEvent(long personId, EventWrite body, StaylineDbContext db,
        ProtectionRecompute recompute, TimeProvider clock, CancellationToken ct)
    {
        var errors = await FactWrites.RecordEventAsync(db, personId, body, clock.Today(), ct);
        return errors is null ? TypedResults.NotFound()
            : errors.Count > 0 ? ApiErrors.Validation(errors)
            : TypedResults.Ok((await ProtectionReader.GetAsync(db, recompute, clock, personId, ct))!);
    }

    private static async Task<Results<Ok<ProtectionView>, NotFound, ValidationProblem>> RecordStay(long personId, IndividualStayWrite body, StaylineDbContext db,
        ProtectionRecompute recompute, TimeProvider clock, CancellationToken ct)
    {
        var (_, errors) = await FactWrites.RecordIndividualStayAsync(db, personId, body, clock.Today(), ct);
        return errors is null ? TypedResults.NotFound()
            : errors.Count > 0 ? ApiErrors.Validation(errors)
            : TypedResults.Ok((await ProtectionReader.GetAsync(db, recompute, clock, personId, ct))!);
    }

    private static async Task<Results<Ok<ProtectionView>, NotFound, ValidationProblem>> RecordFindings(long matterId, MatterFindingsWrite body,
        StaylineDbContext db, ProtectionRecompute recompute, TimeProvider clock, CancellationToken ct)
    {
        var errors = await FactWrites.RecordFindingsAsync(db, matterId, body, ct);
        if (errors is null)
        {
            return TypedResults.NotFound();
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation(errors);
        }

        var personId = await db.Matters.Where(m => m.Id == matterId).Select(m => m.PersonId).FirstAsync(ct);
        return TypedResults.Ok((await ProtectionReader.GetAsync(db, recompute, clock, personId, ct))!);
    }

    private static async Task<Results<Ok<ProtectionView>, NotFound, ValidationProblem>> RecordStayDecision(long matterId, StayDecisionWrite body,
        StaylineDbContext db, ProtectionRecompute recompute, TimeProvider clock, CancellationToken ct)
    {
        var errors = await FactWrites.RecordStayDecisionAsync(db, matterId, body, clock.Today(), ct);
        if (errors is null)
        {
            return TypedResults.NotFound();
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation(errors);
        }

        var personId = await db.Matters.Where(m => m.Id == matterId).Select(m => m.PersonId).FirstAsync(ct);
        return TypedResults.Ok((await ProtectionReader.GetAsync(db, recompute, clock, personId, ct))!);
    }

    /// <summary>Apply=false previews (who matches, who does not); Apply=true records all or nothing.</summary>
    private static async Task<Results<Ok<BulkResult>, UnprocessableEntity<BulkResult>>> BulkRecord(BulkRecordWrite body, StaylineDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        if (!body.Apply)
        {
            var preview = await BulkRecords.PreviewAsync(db, body.ANumbers, body.Kind, body.On, ct);
            return TypedResults.Ok(new BulkResult(0, preview));
        }

        var result = await BulkRecords.ApplyAsync(db, body.ANumbers, body.Kind, body.On, clock, ct);
        return result.HasErrors ? TypedResults.UnprocessableEntity(result) : TypedResults.Ok(result);
    }
}
