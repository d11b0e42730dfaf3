using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.People;

namespace Stayline.Features.People;

/// <summary>
/// Reads one person for <c>GET /api/v1/people/{id}</c>, the API's hottest read. On SQLite it keeps open
/// connections, each with the statement already prepared, and reads the row directly: no DbContext, no
/// connection open, no SQL preparation per request (which cost several times the read itself:
/// docs/benchmarks/foundation.md).
/// On PostgreSQL (pooled connections, prepared statements kept by Npgsql) it runs a compiled EF query.
/// Both answer the same <see cref="PersonDto"/>, aliases in the order they were added.
/// </summary>
public sealed class PersonReader(StaylineDatabase database) : IDisposable
{
    /// <summary>Idle connections kept beyond this are closed: enough for the requests a small machine runs at once.</summary>
    private const int MaxIdle = 32;

    private const string Sql = """
        SELECT p."Id", p."ANumber", p."GivenName", p."FamilyName", p."NativeName", p."BirthDate", p."BirthDatePrecision",
               p."Citizenship", p."Languages", p."ConsentGiven", p."ConsentDate", p."CustodyStatus", p."CurrentFacilityId", p."Version",
               a."GivenName", a."FamilyName", a."Source"
        FROM "people" AS p LEFT JOIN "person_names" AS a ON a."PersonId" = p."Id"
        WHERE p."Id" = $id
        ORDER BY a."Id"
        """;

    private readonly ConcurrentBag<SqliteCommand> _idle = [];
    private bool _disposed;

    // A compiled query keeps the SQL of the provider it first ran on; this one only ever runs on PostgreSQL.
    private static readonly Func<StaylineDbContext, long, CancellationToken, Task<PersonDto?>> PersonById = EF.CompileAsyncQuery(
        (StaylineDbContext db, long id, CancellationToken ct) => db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PersonDto(p.Id, p.ANumber, p.GivenName, p.FamilyName, p.NativeName, p.BirthDate, p.BirthDatePrecision,
                p.Citizenship, p.Languages, p.ConsentGiven, p.ConsentDate, p.CustodyStatus, p.CurrentFacilityId, p.Version,
                p.Aliases.OrderBy(a => a.Id).Select(a => new AliasDto(a.GivenName, a.FamilyName, a.Source)).ToList()))
            .FirstOrDefault());

    /// <param name="services">The request's services, for the DbContext when the database is not SQLite.</param>
    public Task<PersonDto?> ReadAsync(long id, IServiceProvider services, CancellationToken ct) =>
        database.Provider == DatabaseProvider.Sqlite
            ? Task.FromResult(ReadSqlite(id))
            : PersonById(services.GetRequiredService<StaylineDbContext>(), id, ct);

    private PersonDto? ReadSqlite(long id)
    {
        var command = _idle.TryTake(out var idle) ? idle : Open();
        try
        {
            command.Parameters[0].Value = id;
            var person = Read(command);
            Return(command);
            return person;
        }
        catch
        {
            // A connection that failed is not trusted again.
            Close(command);
            throw;
        }
    }

    private static PersonDto? Read(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var aliases = new List<AliasDto>();
        var person = new PersonDto(r.GetInt64(0), NullableString(r, 1), r.GetString(2), r.GetString(3), NullableString(r, 4),
            r.IsDBNull(5) ? null : DateOnly.ParseExact(r.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum.Parse<BirthDatePrecision>(r.GetString(6)), NullableString(r, 7), NullableString(r, 8), r.GetBoolean(9),
            r.IsDBNull(10) ? null : DateOnly.ParseExact(r.GetString(10), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum.Parse<CustodyStatus>(r.GetString(11)), r.IsDBNull(12) ? null : r.GetInt64(12), r.GetInt32(13), aliases);
        do
        {
            if (!r.IsDBNull(14))
            {
                aliases.Add(new AliasDto(r.GetString(14), r.GetString(15), NullableString(r, 16)));
            }
        }
        while (r.Read());

        return person;
    }

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private SqliteCommand Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(database.ConnectionString);
        try
        {
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.Parameters.Add(new SqliteParameter("$id", SqliteType.Integer));
            command.Prepare();
            return command;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Return(SqliteCommand command)
    {
        if (_disposed || _idle.Count >= MaxIdle)
        {
            Close(command);
            return;
        }

        _idle.Add(command);
    }

    private static void Close(SqliteCommand command)
    {
        var connection = command.Connection;
        command.Dispose();
        connection?.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var command))
        {
            Close(command);
        }
    }
}
