using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Stayline.Data.Bulk;

/// <summary>
/// Where a bulk operation runs: the context's connection and its current transaction (if any), and the EF model its
/// table and column names come from.
/// </summary>
public sealed record BulkTarget(DbConnection Connection, DbTransaction? Transaction, IModel Model)
{
    public static BulkTarget Of(StaylineDbContext db) =>
        new(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), db.Model);

    public bool IsSqlite => Connection is Microsoft.Data.Sqlite.SqliteConnection;

    /// <summary>The table of <typeparamref name="TEntity"/>, quoted.</summary>
    public string Table<TEntity>() => BulkSql.Quote(Model.FindEntityType(typeof(TEntity))!.GetTableName()!);

    /// <summary>The column of <typeparamref name="TEntity"/>'s property <paramref name="property"/>, quoted.</summary>
    public string Column<TEntity>(string property)
    {
        var entity = Model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var p = entity.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {property}.");
        return BulkSql.Quote(p.GetColumnName(table)!);
    }
}

/// <summary>Small helpers for SQL written below EF Core that runs on SQLite and PostgreSQL alike.</summary>
public static class BulkSql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    public static async Task<long> ScalarAsync(BulkTarget target, string sql, CancellationToken ct)
    {
        await using var cmd = Command(target, sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(BulkTarget target, string sql, CancellationToken ct)
    {
        await using var cmd = Command(target, sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static DbCommand Command(BulkTarget target, string sql)
    {
        var cmd = target.Connection.CreateCommand();
        cmd.Transaction = target.Transaction;
        cmd.CommandTimeout = 0;
        cmd.CommandText = sql;
        return cmd;
    }
}
