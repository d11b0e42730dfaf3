using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Custody;

namespace Stayline.Features.Facilities;

/// <param name="ReviewNote">Why an admin should check the county or district; null when nothing is in doubt.</param>
public sealed record FacilityDto(long Id, string Name, string? City, string? State, string? County, string? District, string? Division,
    string? Circuit, string? FieldOffice, FacilityType Type, string? IceCode, IReadOnlyList<string> Aliases, string? ReviewNote, int Detained);

public static class FacilitiesApi
{
    public static RouteGroupBuilder MapFacilitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/facilities").WithTags("Facilities").RequireAuthorization(Permissions.Read);
        group.MapGet("/", List);
        return group;
    }

    private static async Task<Ok<List<FacilityDto>>> List(StaylineDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await FacilityQueries.WithCountsAsync(db, ct));
}

public static class FacilityQueries
{
    public static async Task<List<FacilityDto>> WithCountsAsync(StaylineDbContext db, CancellationToken ct)
    {
        var rows = await db.Facilities.AsNoTracking().OrderBy(f => f.Name).ThenBy(f => f.State).ThenBy(f => f.Id).Select(f => new
        {
            f.Id,
            f.Name,
            f.City,
            f.State,
            f.County,
            f.District,
            f.Division,
            f.Circuit,
            f.FieldOffice,
            f.Type,
            f.IceCode,
            f.Aliases,
            f.ReviewNote,
            Detained = db.People.Count(p => p.CurrentFacilityId == f.Id && p.CustodyStatus == Domain.People.CustodyStatus.Detained),
        }).ToListAsync(ct);
        return rows.Select(f => new FacilityDto(f.Id, f.Name, f.City, f.State, f.County, f.District, f.Division, f.Circuit, f.FieldOffice, f.Type,
            f.IceCode, Facility.NamesOf(f.Name, f.Aliases, null).Skip(1).ToList(), f.ReviewNote, f.Detained)).ToList();
    }
}
