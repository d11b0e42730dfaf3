using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Stayline.Domain.People;

namespace Stayline.Data.Bulk;

/// <summary>
/// SQLite: reads one person and their aliases (in the order they were added) with one statement, on kept open
/// connections each with the statement already prepared: no DbContext, no connection open, no SQL preparation per
/// read (which cost several times the read itself: docs/benchmarks/foundation.md). Columns from the EF model; the
/// person and aliases are the entities (<see cref="EntityValues{TEntity}"/>), not a second list of their fields.
/// </summary>
public sealed class PersonRead : IDisposable
{
    /// <summary>Idle connections kept beyond this are closed: enough for the requests a small machine runs at once.</summary>
    private const int MaxIdle = 32;

    private readonly string _connectionString;
    private readonly string _sql;
    private readonly string _scopedSql;
    private readonly EntityValues<Person> _person;
    private readonly EntityValues<PersonName> _alias;
    private readonly ConcurrentBag<SqliteCommand> _idle = [];
    private readonly ConcurrentBag<SqliteCommand> _idleScoped = [];
    private bool _disposed;

    public PersonRead(string connectionString, IModel model)
    {
        _connectionString = connectionString;
        string P(string property) => "p." + model.Column<Person>(property);
        string A(string property) => "a." + model.Column<PersonName>(property);
        _person = EntityValues<Person>.For(model);
        _alias = EntityValues<PersonName>.For(model);
        // The person's columns, then the alias's id (null: no alias), then its columns.
        _sql = $"SELECT {string.Join(", ", _person.Columns.Select(c => "p." + c))}, {A(nameof(PersonName.Id))}, {string.Join(", ", _alias.Columns.Select(c => "a." + c))} "
            + $"FROM {model.Table<Person>()} AS p LEFT JOIN {model.Table<PersonName>()} AS a ON {A(nameof(PersonName.PersonId))} = {P(nameof(Person.Id))} "
            + $"WHERE {P(nameof(Person.Id))} = $id";
        // A reader who may not see everyone: the same statement with the organisation rule (Visibility.SqlPredicate).
        _scopedSql = _sql + " AND " + Visibility.For(0, coordinatingAdmin: false).SqlPredicate(model, "p", "$org") + $" ORDER BY {A(nameof(PersonName.Id))}";
        _sql += $" ORDER BY {A(nameof(PersonName.Id))}";
    }

    /// <summary>The person with their aliases; null when there is no such person, or <paramref name="reader"/> may not see them.</summary>
    public Person? Read(long id, Visibility reader)
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

            var person = Read(command);
            Return(command, idleBag);
            return person;
        }
        catch
        {
            // A connection that failed is not trusted again.
            Close(command);
            throw;
        }
    }

    private Person? Read(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var person = _person.Read(r, 0);
        var alias = _person.Columns.Count;
        do
        {
            if (!r.IsDBNull(alias))
            {
                person.Aliases.Add(_alias.Read(r, alias + 1));
            }
        }
        while (r.Read());

        return person;
    }

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
