using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;

namespace Stayline.Features.Facilities;

public sealed record FacilityDto(long Id, string Name, string? FieldOffice, string? City, string? State, string? District, string? Circuit, int Detained);

public static class FacilitiesApi
{
    public static RouteGroupBuilder MapFacilitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/facilities").WithTags("Facilities").RequireAuthorization(Permissions.Read);
        group.MapGet("/", List);
        return group;
    }

    private static async Task<Ok<List<FacilityDto>>> List(StaylineDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await FacilityQueries.WithCounts(db).ToListAsync(ct));
}

public static class FacilityQueries
{
    public static IQueryable<FacilityDto> WithCounts(StaylineDbContext db) =>
        db.Facilities.AsNoTracking().OrderBy(f => f.Name).Select(f => new FacilityDto(f.Id, f.Name, f.FieldOffice, f.City, f.State, f.District,
            f.Circuit, db.People.Count(p => p.CurrentFacilityId == f.Id && p.CustodyStatus == Domain.People.CustodyStatus.Detained)));
}
