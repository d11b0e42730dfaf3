using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Data.Bulk;

namespace Stayline.Features.People;

/// <summary>
/// Reads one person for <c>GET /api/v1/people/{id}</c>, the API's hottest read. On SQLite through
/// <see cref="PersonRead"/> (kept connections with the statement prepared); on PostgreSQL (pooled connections,
/// prepared statements kept by Npgsql) a compiled EF query. Both answer the same <see cref="PersonDto"/>, aliases in
/// the order they were added.
/// </summary>
public sealed class PersonReader(StaylineDatabase database) : IDisposable
{
    private PersonRead? _sqlite;

    // A compiled query keeps the SQL of the provider it first ran on; this one only ever runs on PostgreSQL.
    private static readonly Func<StaylineDbContext, long, CancellationToken, Task<PersonDto?>> PersonById = EF.CompileAsyncQuery(
        (StaylineDbContext db, long id, CancellationToken ct) => db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PersonDto(p.Id, p.ANumber, p.GivenName, p.FamilyName, p.NativeName, p.BirthDate, p.BirthDatePrecision,
                p.Citizenship, p.Languages, p.ConsentGiven, p.ConsentDate, p.CustodyStatus, p.CurrentFacilityId, p.Version,
                p.Aliases.OrderBy(a => a.Id).Select(a => new AliasDto(a.GivenName, a.FamilyName, a.Source)).ToList(),
                p.BirthPlace, p.FatherName, p.MotherName, p.City, p.Email, p.Phone))
            .FirstOrDefault());

    /// <param name="services">The request's services, for the DbContext when the database is not SQLite.</param>
    public Task<PersonDto?> ReadAsync(long id, IServiceProvider services, CancellationToken ct) =>
        database.Provider == DatabaseProvider.Sqlite
            ? Task.FromResult(ReadSqlite(id, services))
            : PersonById(services.GetRequiredService<StaylineDbContext>(), id, ct);

    private PersonDto? ReadSqlite(long id, IServiceProvider services)
    {
        var read = _sqlite ?? Create(services);
        var aliases = new List<StoredAlias>();
        // The same organisation rule as the EF query filter (the PostgreSQL path), from the same source.
        var reader = services.GetRequiredService<IVisibilitySource>().Current;
        if (!read.TryRead(id, reader, out var p, aliases))
        {
            return null;
        }

        return new PersonDto(p.Id, p.ANumber, p.GivenName, p.FamilyName, p.NativeName, p.BirthDate, p.BirthDatePrecision, p.Citizenship, p.Languages,
            p.ConsentGiven, p.ConsentDate, p.CustodyStatus, p.CurrentFacilityId, p.Version, aliases.ConvertAll(a => new AliasDto(a.GivenName, a.FamilyName, a.Source)),
            p.BirthPlace, p.FatherName, p.MotherName, p.City, p.Email, p.Phone);
    }

    /// <summary>The first read takes the model (column names) from a context; later reads create none.</summary>
    private PersonRead Create(IServiceProvider services)
    {
        var created = new PersonRead(database.ConnectionString, services.GetRequiredService<StaylineDbContext>().Model);
        if (Interlocked.CompareExchange(ref _sqlite, created, null) is { } other)
        {
            created.Dispose();
            return other;
        }

        return created;
    }

    public void Dispose() => _sqlite?.Dispose();
}
