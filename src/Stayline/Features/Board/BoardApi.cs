using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Stayline.Data;

namespace Stayline.Features.Board;

/// <summary>What a client sends to post a case: the person, what it needs ("habeas", "motion", "bond") and languages.</summary>
public sealed record PostWrite(long PersonId, IReadOnlyList<string>? Needs, string? Languages);

public static class BoardApi
{
    public static IHostApplicationBuilder AddStaylineBoard(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<BoardOptions>(builder.Configuration.GetSection(BoardOptions.Section));
        builder.Services.AddScoped<BoardService>();
        builder.Services.AddSingleton<BoardMailer>();
        builder.Services.AddHostedService<BoardWatchService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        var board = app.MapGroup("/api/v1/board").WithTags("Board").RequireAuthorization(Permissions.EditLegal);
        board.MapGet("/", List);
        board.MapPost("/", Post).RequireAuthorization(Permissions.Administer);
        board.MapPost("/{id:long}/claim", Claim);
        board.MapPost("/{id:long}/withdraw", Withdraw).RequireAuthorization(Permissions.Administer);
        board.MapGet("/{id:long}/suggestions", Suggestions).RequireAuthorization(Permissions.Administer);
        var profile = app.MapGroup("/api/v1/profile").WithTags("Board").RequireAuthorization(Permissions.EditLegal);
        profile.MapGet("/", GetProfile);
        profile.MapPut("/", PutProfile);
        return app;
    }

    /// <summary>Open posts by district, oldest first; the total is in the X-Total-Count header.</summary>
    private static async Task<Ok<IReadOnlyList<CardDto>>> List(HttpContext http, BoardService board, string? district, int? skip, int? take, CancellationToken ct)
    {
        var page = await board.OpenAsync(string.IsNullOrWhiteSpace(district) ? null : Domain.Custody.FederalDistricts.FindLoose(district)?.Name ?? district.Trim(),
            Math.Max(0, skip ?? 0), Math.Clamp(take ?? 100, 1, BoardService.MaxPage), ct);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(page.Cards);
    }

    private static async Task<Results<Created<CardDto>, NotFound, ProblemHttpResult>> Post(PostWrite body, BoardService board, AuditActor actor, CancellationToken ct)
    {
        var errors = new List<string>();
        var needs = BoardService.ParseNeeds(body.Needs, errors);
        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await board.PostAsync(body.PersonId, needs, body.Languages, actor, ct);
        return result.Outcome switch
        {
            BoardOutcome.Done => TypedResults.Created($"/api/v1/board/{result.PostId}", (await board.DetailsAsync(result.PostId!.Value, ct))!),
            BoardOutcome.NotFound => TypedResults.NotFound(),
            _ => Problem(result),
        };
    }

    private static async Task<Results<Ok<BoardResult>, NotFound, ProblemHttpResult>> Claim(long id, BoardService board, AuditActor actor, CancellationToken ct)
    {
        var result = await board.ClaimAsync(id, actor, ct);
        return result.Outcome switch
        {
            BoardOutcome.Done => TypedResults.Ok(result),
            BoardOutcome.NotFound => TypedResults.NotFound(),
            _ => Problem(result),
        };
    }

    private static async Task<Results<Ok<BoardResult>, NotFound, ProblemHttpResult>> Withdraw(long id, BoardService board, CancellationToken ct)
    {
        var result = await board.WithdrawAsync(id, ct);
        return result.Outcome switch
        {
            BoardOutcome.Done => TypedResults.Ok(result),
            BoardOutcome.NotFound => TypedResults.NotFound(),
            _ => Problem(result),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<SuggestionDto>>, NotFound>> Suggestions(long id, BoardService board, CancellationToken ct) =>
        await board.SuggestAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<ProfileDto>, NotFound>> GetProfile(ClaimsPrincipal user, BoardService board, CancellationToken ct) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && await board.ProfileAsync(id, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    private static async Task<Results<Ok<ProfileDto>, NotFound, ProblemHttpResult>> PutProfile(ProfileWrite body, ClaimsPrincipal user, BoardService board,
        AuditActor actor, CancellationToken ct)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return TypedResults.NotFound();
        }

        var errors = await board.SaveProfileAsync(id, body, actor, ct);
        return errors.Count > 0
            ? TypedResults.Problem(string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Ok((await board.ProfileAsync(id, ct))!);
    }

    private static ProblemHttpResult Problem(BoardResult result) => TypedResults.Problem(result.Message, statusCode: result.Outcome switch
    {
        BoardOutcome.Forbidden => StatusCodes.Status403Forbidden,
        BoardOutcome.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    });
}
