using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Data.Bulk;

namespace Stayline.Features.People;

/// <summary>
/// Reads one person for <c>GET /api/v1/people/{id}</c>, the API's hottest read. On SQLite through
/// <see cref="PersonRead"/> (kept connections with the statement prepared); on PostgreSQL (pooled connections,
/// prepared statements kept by Npgsql) a compiled EF query. Both answer through the one <see cref="PersonDto.Projection"/>,
/// aliases in the order they were added.
/// </summary>
public sealed class PersonReader(StaylineDatabase database) : IDisposable
{
    private PersonRead? _sqlite;

    // A compiled query keeps the SQL of the provider it first ran on; this one only ever runs on PostgreSQL.
    private static readonly Func<StaylineDbContext, long, CancellationToken, Task<PersonDto?>> PersonById = EF.CompileAsyncQuery(
        (StaylineDbContext db, long id, CancellationToken ct) => db.People.AsNoTracking().Where(p => p.Id == id).Select(PersonDto.Projection).FirstOrDefault());

    /// <param name="services">The request's services, for the DbContext when the database is not SQLite.</param>
    public Task<PersonDto?> ReadAsync(long id, IServiceProvider services, CancellationToken ct) =>
        database.Provider == DatabaseProvider.Sqlite
            ? Task.FromResult(ReadSqlite(id, services))
            : PersonById(services.GetRequiredService<StaylineDbContext>(), id, ct);

    private PersonDto? ReadSqlite(long id, IServiceProvider services)
    {
        var read = _sqlite ?? Create(services);
        // The same organisation rule as the EF query filter (the PostgreSQL path), from the same source.
        var reader = services.GetRequiredService<IVisibilitySource>().Current;
        return read.Read(id, reader) is { } person ? PersonDto.Of(person) : null;
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
