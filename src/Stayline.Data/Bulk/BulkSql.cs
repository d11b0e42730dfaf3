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
    public string Table<TEntity>() => Model.Table<TEntity>();

    /// <summary>The column of <typeparamref name="TEntity"/>'s property <paramref name="property"/>, quoted.</summary>
    public string Column<TEntity>(string property) => Model.Column<TEntity>(property);
}

/// <summary>Small helpers for SQL written below EF Core that runs on SQLite and PostgreSQL alike.</summary>
public static class BulkSql
{
    /// <summary>The table of <typeparamref name="TEntity"/> as the model maps it, quoted.</summary>
    public static string Table<TEntity>(this IModel model) => Quote(model.FindEntityType(typeof(TEntity))!.GetTableName()!);

    /// <summary>The column of <typeparamref name="TEntity"/>'s property <paramref name="property"/> as the model maps it, quoted.</summary>
    public static string Column<TEntity>(this IModel model, string property)
    {
        var entity = model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var p = entity.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {property}.");
        return Quote(p.GetColumnName(table)!);
    }

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
