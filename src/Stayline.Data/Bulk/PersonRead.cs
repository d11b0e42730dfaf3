using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Stayline.Domain.People;

namespace Stayline.Data.Bulk;

/// <summary>The stored fields of a person that the API reads (members named as <see cref="Person"/>'s properties).</summary>
public readonly record struct StoredPerson(long Id, string? ANumber, string GivenName, string FamilyName, string? NativeName, DateOnly? BirthDate,
    BirthDatePrecision BirthDatePrecision, string? Citizenship, string? Languages, bool ConsentGiven, DateOnly? ConsentDate, CustodyStatus CustodyStatus,
    long? CurrentFacilityId, int Version, string? BirthPlace, string? FatherName, string? MotherName, string? City, string? Email, string? Phone);

/// <summary>An alias as the API reads it (<see cref="PersonName"/>).</summary>
public readonly record struct StoredAlias(string GivenName, string FamilyName, string? Source);

/// <summary>
/// SQLite: reads one person and their aliases (in the order they were added) with one statement, on kept open
/// connections each with the statement already prepared: no DbContext, no connection open, no SQL preparation per
/// read (which cost several times the read itself: docs/benchmarks/foundation.md). Column names from the EF model.
/// </summary>
public sealed class PersonRead : IDisposable
{
    /// <summary>Idle connections kept beyond this are closed: enough for the requests a small machine runs at once.</summary>
    private const int MaxIdle = 32;

    private readonly string _connectionString;
    private readonly string _sql;
    private readonly string _scopedSql;
    private readonly ConcurrentBag<SqliteCommand> _idle = [];
    private readonly ConcurrentBag<SqliteCommand> _idleScoped = [];
    private bool _disposed;

    public PersonRead(string connectionString, IModel model)
    {
        _connectionString = connectionString;
        string P(string property) => "p." + model.Column<Person>(property);
        string A(string property) => "a." + model.Column<PersonName>(property);
        // The order of StoredPerson's members, then StoredAlias's.
        _sql = $"SELECT {string.Join(", ", typeof(StoredPerson).GetConstructors()[0].GetParameters().Select(p => P(p.Name!)))}, "
            + $"{A(nameof(PersonName.GivenName))}, {A(nameof(PersonName.FamilyName))}, {A(nameof(PersonName.Source))} "
            + $"FROM {model.Table<Person>()} AS p LEFT JOIN {model.Table<PersonName>()} AS a ON {A(nameof(PersonName.PersonId))} = {P(nameof(Person.Id))} "
            + $"WHERE {P(nameof(Person.Id))} = $id";
        // A reader who may not see everyone: the same statement with the organisation rule (Visibility.SqlPredicate).
        _scopedSql = _sql + " AND " + Visibility.For(0, coordinatingAdmin: false).SqlPredicate(model, "p", "$org") + $" ORDER BY {A(nameof(PersonName.Id))}";
        _sql += $" ORDER BY {A(nameof(PersonName.Id))}";
    }

    /// <summary>False when there is no such person, or <paramref name="reader"/> may not see them; <paramref name="aliases"/>
    /// gets their aliases.</summary>
    public bool TryRead(long id, Visibility reader, out StoredPerson person, List<StoredAlias> aliases)
    {
        var scoped = !reader.All;
        var idleBag = scoped ? _idleScoped : _idle;
        var command = idleBag.TryTake(out var idle) ? idle : Open(scoped);
        try
        {
            command.Parameters[0].Value = id;
            if (scoped)
            {
                command.Parameters[1].Value = reader.OrganisationOrNone;
            }

            var found = Read(command, out person, aliases);
            Return(command, idleBag);
            return found;
        }
        catch
        {
            // A connection that failed is not trusted again.
            Close(command);
            throw;
        }
    }

    private static bool Read(SqliteCommand command, out StoredPerson person, List<StoredAlias> aliases)
    {
        using var r = command.ExecuteReader();
        if (!r.Read())
        {
            person = default;
            return false;
        }

        person = new StoredPerson(r.GetInt64(0), NullableString(r, 1), r.GetString(2), r.GetString(3), NullableString(r, 4), NullableDate(r, 5),
            Enum.Parse<BirthDatePrecision>(r.GetString(6)), NullableString(r, 7), NullableString(r, 8), r.GetBoolean(9), NullableDate(r, 10),
            Enum.Parse<CustodyStatus>(r.GetString(11)), r.IsDBNull(12) ? null : r.GetInt64(12), r.GetInt32(13),
            NullableString(r, 14), NullableString(r, 15), NullableString(r, 16), NullableString(r, 17), NullableString(r, 18), NullableString(r, 19));
        const int alias = 20;
        do
        {
            if (!r.IsDBNull(alias))
            {
                aliases.Add(new StoredAlias(r.GetString(alias), r.GetString(alias + 1), NullableString(r, alias + 2)));
            }
        }
        while (r.Read());

        return true;
    }

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? NullableDate(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private SqliteCommand Open(bool scoped)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = scoped ? _scopedSql : _sql;
            command.Parameters.Add(new SqliteParameter("$id", SqliteType.Integer));
            if (scoped)
            {
                command.Parameters.Add(new SqliteParameter("$org", SqliteType.Integer));
            }

            command.Prepare();
            return command;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Return(SqliteCommand command, ConcurrentBag<SqliteCommand> idle)
    {
        if (_disposed || idle.Count >= MaxIdle)
        {
            Close(command);
            return;
        }

        idle.Add(command);
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
        foreach (var idle in new[] { _idle, _idleScoped })
        {
            while (idle.TryTake(out var command))
            {
                Close(command);
            }
        }
    }
}
