using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Stayline.Domain.Deadlines;
using Stayline.Infrastructure;

namespace Stayline.Features.Protection;

/// <summary>Stored forms of derived values shared by the writer, the fingerprints and the comparison.</summary>
internal static class DerivedRows
{
    private static readonly string[] States = [.. Enum.GetValues<DeadlineState>().Select(s => s.ToString())];

    public static string StateText(DeadlineState state) => (uint)state < (uint)States.Length ? States[(int)state] : state.ToString();
}

/// <summary>Writes derived rows with multi-row statements on the caller's connection and transaction.</summary>
public static class DerivedWriter
{
    public const int WatermarkId = 1;

    /// <summary>PostgreSQL pays per round trip, so it gets many rows per statement; SQLite steps one prepared one-row statement per row (<see cref="SqliteStatement"/>).</summary>
    private const int PostgresRowsPerStatement = 500;

    private static readonly string[] ProtectionColumns =
        ["PersonId", "State", "PrimarySource", "UntilDate", "UntilEvent", "EndsWithin7Days", "Summary", "ReasonsJson", "ComputedAsOf"];

    private static readonly string[] HashColumns = ["PersonId", "ProtectionHash", "DeadlinesHash"];

    private static readonly string[] DeadlineColumns =
        ["PersonId", "RuleId", "CourtOrderId", "TriggerDate", "DueDate", "PeriodDays", "Citation", "State", "Manual"];

    private static readonly string[] DeadlineColumnsWithId = ["Id", .. DeadlineColumns];

    public static async Task DeleteAllDerivedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, "DELETE FROM person_deadlines WHERE \"Manual\" = FALSE", ct);
        await ExecuteAsync(connection, transaction, "DELETE FROM person_derived_hashes", ct);
        await ExecuteAsync(connection, transaction, "DELETE FROM person_protection", ct);
    }

    /// <summary>SQLite: drops the derived tables' secondary indexes inside the transaction and returns the statements that rebuild them.</summary>
    public static async Task<List<string>> DropSecondaryIndexesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = transaction;
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('person_deadlines', 'person_protection')";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                indexes.Add((r.GetString(0), r.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX \"{name}\"", ct);
        }

        return [.. indexes.Select(i => i.Sql)];
    }

    /// <summary>Records that every stored result was confirmed for <paramref name="asOf"/> (end of a full recompute).</summary>
    public static async Task SetWatermarkAsync(DbConnection connection, DbTransaction? transaction, DateOnly asOf, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "INSERT INTO derived_watermark (\"Id\", \"AllComputedAsOf\") VALUES (@id, @day) "
            + "ON CONFLICT (\"Id\") DO UPDATE SET \"AllComputedAsOf\" = excluded.\"AllComputedAsOf\"";
        Sql.Add(cmd, "@id", WatermarkId);
        Sql.Add(cmd, "@day", asOf);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Inserts every result into derived tables that hold nothing for these people.</summary>
    internal static async Task WriteAllAsync(DbConnection connection, DbTransaction? transaction, List<PersonResult> results, DateOnly asOf, CancellationToken ct)
    {
        await WriteProtectionAsync(connection, transaction, results, asOf, upsert: false, ct);
        await WriteHashesAsync(connection, transaction, results, upsert: false, ct);
        var rows = new List<(long PersonId, DerivedDeadline Deadline)>();
        foreach (var r in results)
        {
            foreach (var d in r.Deadlines)
            {
                rows.Add((r.PersonId, d));
            }
        }

        await InsertDeadlinesAsync(connection, transaction, rows, ct);
    }

    /// <summary>Writes the differences a comparison found; protection rows before fingerprints, which reference them.</summary>
    internal static async Task WritePlanAsync(DbConnection connection, DbTransaction? transaction, WritePlan plan, DateOnly asOf, CancellationToken ct)
    {
        await ForIdsAsync(connection, transaction, "DELETE FROM person_deadlines WHERE \"Id\" IN ", plan.DeadlineDeletes, ct);
        var updates = plan.DeadlineUpdates;
        await BulkInsertAsync(connection, transaction, "person_deadlines", DeadlineColumnsWithId, Upsert("Id", DeadlineColumns), updates.Count, (values, i) =>
        {
            var (id, personId, d) = updates[i];
            values[0] = id;
            FillDeadline(values.AsSpan(1), personId, d);
        }, ct);
        await InsertDeadlinesAsync(connection, transaction, plan.DeadlineInserts, ct);
        await WriteProtectionAsync(connection, transaction, plan.Protection, asOf, upsert: true, ct);
        await WriteHashesAsync(connection, transaction, plan.Hashes, upsert: true, ct);
    }

    private static Task InsertDeadlinesAsync(DbConnection connection, DbTransaction? transaction, List<(long PersonId, DerivedDeadline Deadline)> rows,
        CancellationToken ct) =>
        BulkInsertAsync(connection, transaction, "person_deadlines", DeadlineColumns, "", rows.Count, (values, i) => FillDeadline(values, rows[i].PersonId, rows[i].Deadline), ct);

    private static void FillDeadline(Span<object?> values, long personId, DerivedDeadline d)
    {
        values[0] = personId;
        values[1] = d.RuleId;
        values[2] = d.OrderKey;
        values[3] = d.TriggerDate;
        values[4] = d.DueDate;
        values[5] = d.PeriodDays;
        values[6] = d.Citation;
        values[7] = DerivedRows.StateText(d.State);
        values[8] = false;
    }

    private static async Task WriteProtectionAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<PersonResult> results, DateOnly asOf,
        bool upsert, CancellationToken ct)
    {
        // The reasons' JSON is rendered only for rows that are written, in parallel when there are many.
        var json = new string[results.Count];
        if (results.Count < 2_000)
        {
            for (var i = 0; i < json.Length; i++)
            {
                json[i] = ReasonsJson(results[i].Reasons);
            }
        }
        else
        {
            Parallel.For(0, json.Length, i => json[i] = ReasonsJson(results[i].Reasons));
        }

        await BulkInsertAsync(connection, transaction, "person_protection", ProtectionColumns, upsert ? Upsert("PersonId", ProtectionColumns) : "", results.Count,
            (values, i) =>
            {
                var r = results[i];
                values[0] = r.PersonId;
                values[1] = r.State;
                values[2] = r.PrimarySource;
                values[3] = r.UntilDate;
                values[4] = r.UntilEvent;
                values[5] = r.EndsWithin7Days;
                values[6] = r.Summary;
                values[7] = json[i];
                values[8] = asOf;
            }, ct);
    }

    private static Task WriteHashesAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<PersonResult> results, bool upsert, CancellationToken ct) =>
        BulkInsertAsync(connection, transaction, "person_derived_hashes", HashColumns, upsert ? Upsert("PersonId", HashColumns) : "", results.Count, (values, i) =>
        {
            values[0] = results[i].PersonId;
            values[1] = results[i].ProtectionHash;
            values[2] = results[i].DeadlinesHash;
        }, ct);

    /// <summary>Multi-row upsert: the same INSERT updates rows whose key exists (SQLite 3.24+ and PostgreSQL share the syntax).</summary>
    private static string Upsert(string key, string[] columns) =>
        $" ON CONFLICT (\"{key}\") DO UPDATE SET " + string.Join(", ", columns.Where(c => c != key).Select(c => $"\"{c}\" = excluded.\"{c}\""));

    /// <summary>The chain of reasons as stored: [{"code","text","citation","missing"}].</summary>
    public static string ReasonsJson(IReadOnlyList<ReasonText> reasons)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var r in reasons)
            {
                w.WriteStartObject();
                w.WriteString("code", r.Code);
                w.WriteString("text", r.Text);
                w.WriteString("citation", r.Citation);
                if (r.Missing)
                {
                    w.WriteBoolean("missing", true);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>INSERT ... VALUES (...),(...): many rows per statement on PostgreSQL, built once and re-bound; one row per step on SQLite.</summary>
    public static async Task BulkInsertAsync(DbConnection connection, DbTransaction? transaction, string table, string[] columns, string suffix,
        int rowCount, Action<object?[], int> fill, CancellationToken ct)
    {
        var prefix = new StringBuilder().Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ").ToString();
        await BatchAsync(connection, transaction, rowCount, columns.Length, PostgresRowsPerStatement, (sql, rows) =>
        {
            sql.Append(prefix);
            for (var row = 0; row < rows; row++)
            {
                sql.Append(row == 0 ? "(" : ",(");
                for (var c = 0; c < columns.Length; c++)
                {
                    sql.Append(c == 0 ? "@p" : ",@p").Append((row * columns.Length) + c);
                }

                sql.Append(')');
            }

            sql.Append(suffix);
        }, fill, ct);
    }

    /// <summary>`prefix (@p0, @p1, ...)` for a list of ids, 64 per statement on PostgreSQL.</summary>
    private static Task ForIdsAsync(DbConnection connection, DbTransaction? transaction, string prefix, List<long> ids, CancellationToken ct) =>
        BatchAsync(connection, transaction, ids.Count, 1, 64, (sql, rows) =>
        {
            sql.Append(prefix).Append('(');
            for (var i = 0; i < rows; i++)
            {
                sql.Append(i == 0 ? "@p" : ",@p").Append(i);
            }

            sql.Append(')');
        }, (values, i) => values[0] = ids[i], ct);

    /// <summary>Runs a statement over rows in batches; parameters are named @p0.. in row-major order.</summary>
    private static async Task BatchAsync(DbConnection connection, DbTransaction? transaction, int rowCount, int columns, int perStatement,
        Action<StringBuilder, int> build, Action<object?[], int> fill, CancellationToken ct)
    {
        if (rowCount == 0)
        {
            return;
        }

        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            var one = new StringBuilder();
            build(one, 1);
            using var statement = new SqliteStatement(sqlite, one.ToString());
            statement.ExecuteForEach(rowCount, columns, fill, ct);
            return;
        }

        var values = new object?[columns];
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rowCount; start += perStatement)
            {
                var n = Math.Min(perStatement, rowCount - start);
                var cmd = n == perStatement ? full ??= Create(n) : Create(n);
                for (var row = 0; row < n; row++)
                {
                    fill(values, start + row);
                    for (var c = 0; c < columns; c++)
                    {
                        cmd.Parameters[(row * columns) + c].Value = values[c] ?? DBNull.Value;
                    }
                }

                await cmd.ExecuteNonQueryAsync(ct);
                if (cmd != full)
                {
                    await cmd.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        DbCommand Create(int rows)
        {
            var cmd = connection.CreateCommand();
            cmd.Transaction = transaction;
            cmd.CommandTimeout = 0;
            var sql = new StringBuilder();
            build(sql, rows);
            cmd.CommandText = sql.ToString();
            for (var i = 0; i < rows * columns; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                cmd.Parameters.Add(p);
            }

            return cmd;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandTimeout = 0;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
