using System.Buffers;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Stayline.Data;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Protection;
using Stayline.Infrastructure;

namespace Stayline.Features.Protection;

/// <summary>One person's derived results; the texts are rendered during the parallel evaluation, not in the single-threaded write.</summary>
public sealed record PersonResult(long PersonId, ProtectionStatus Status, DerivedDeadline[] Deadlines, string Summary, string ReasonsJson);

public sealed record RecomputeStats(int People, int Deadlines, TimeSpan Read, TimeSpan Evaluate, TimeSpan Write)
{
    public static readonly RecomputeStats Zero = new(0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public RecomputeStats Add(RecomputeStats o) => new(People + o.People, Deadlines + o.Deadlines, Read + o.Read, Evaluate + o.Evaluate, Write + o.Write);
}

/// <summary>
/// Derives protection and deadlines and stores them. Called by StaylineDbContext inside the transaction of every
/// save that changes a fact (so no write path can forget it), by bulk actions inside their own transaction, on
/// read when a stored result is older than today, by the daily service and by `stayline recompute`.
/// Facts are read set-based, evaluated in parallel and written with multi-row statements.
/// </summary>
public sealed class ProtectionRecompute(TimeProvider clock) : IFactsChangedHandler
{
    /// <summary>People per read-evaluate-write round of a full recompute: bounds memory (a few hundred MB at most).</summary>
    public const int ChunkSize = 100_000;

    public async Task OnFactsChangedAsync(StaylineDbContext db, FactChanges changes, CancellationToken ct)
    {
        var today = clock.Today();
        foreach (var classId in changes.ClassActionIds)
        {
            await RecomputeAsync(db, PersonScope.ClassMembers(classId), today, ct);
        }

        foreach (var chunk in changes.PersonIds.Order().Chunk(PersonScope.MaxIds))
        {
            await RecomputeAsync(db, PersonScope.Ids(chunk), today, ct);
        }
    }

    /// <summary>Recomputes the given people inside the caller's transaction (or the context's current one).</summary>
    public async Task<RecomputeStats> RecomputeAsync(StaylineDbContext db, PersonScope scope, DateOnly asOf, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var calendar = await CalendarAsync(db, ct);
            return await RunAsync(connection, transaction, scope, asOf, calendar, ct);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Everyone, in chunks of <see cref="ChunkSize"/> people, in one transaction.</summary>
    public async Task<RecomputeStats> RecomputeAllAsync(StaylineDbContext db, DateOnly asOf, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var calendar = await CalendarAsync(db, ct);
        var sqlite = db.IsSqlite;
        if (sqlite)
        {
            // A larger page cache for this connection keeps the index B-trees in memory while millions of rows go in.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
        }

        var (min, max) = await db.People.GroupBy(_ => 1).Select(g => new { Min = g.Min(p => p.Id), Max = g.Max(p => p.Id) }).FirstOrDefaultAsync(ct) is { } r
            ? (r.Min, r.Max)
            : (0L, -1L);
        await DerivedWriter.DeleteAllDerivedAsync(connection, transaction, ct);
        // Secondary indexes are dropped and rebuilt around a full rewrite: one sorted build beats millions of random inserts.
        var indexes = sqlite ? await DerivedWriter.DropSecondaryIndexesAsync(connection, transaction, ct) : [];
        var total = RecomputeStats.Zero;
        for (var lo = min; lo <= max; lo += ChunkSize)
        {
            total = total.Add(await RunAsync(connection, transaction, PersonScope.Range(lo, lo + ChunkSize), asOf, calendar, ct, alreadyCleared: true));
        }

        foreach (var ddl in indexes)
        {
            await db.Database.ExecuteSqlRawAsync(ddl, ct);
        }

        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return total;
    }

    /// <summary>People whose stored result answers for a day before <paramref name="asOf"/> (or who have none).</summary>
    public async Task<RecomputeStats> RecomputeStaleAsync(StaylineDbContext db, DateOnly asOf, CancellationToken ct)
    {
        var stale = await db.People.Where(p => !db.Protections.Any(x => x.PersonId == p.Id && x.ComputedAsOf >= asOf)).CountAsync(ct);
        if (stale == 0)
        {
            return RecomputeStats.Zero;
        }

        if (stale > PersonScope.MaxIds * 20)
        {
            return await RecomputeAllAsync(db, asOf, ct);
        }

        var ids = await db.People.Where(p => !db.Protections.Any(x => x.PersonId == p.Id && x.ComputedAsOf >= asOf)).Select(p => p.Id).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var total = RecomputeStats.Zero;
        foreach (var chunk in ids.Chunk(PersonScope.MaxIds))
        {
            total = total.Add(await RecomputeAsync(db, PersonScope.Ids(chunk), asOf, ct));
        }

        await tx.CommitAsync(ct);
        return total;
    }

    /// <summary>
    /// Weekends, federal holidays, executive-order closures and the admin closures for all courts; for Board filings
    /// also the Board's closures and Inauguration Day (<see cref="CourtCalendar.For"/>).
    /// </summary>
    public static async Task<CourtCalendar> CalendarAsync(StaylineDbContext db, CancellationToken ct)
    {
        // Closures of one immigration court or circuit are left out: which court a filing goes to is not recorded, and
        // applying another court's closure could only move a date later than the real one: the dangerous error.
        var board = CourtId.Board.Value;
        var closures = await db.CourtClosures.AsNoTracking().Where(c => c.Court == null || c.Court == board)
            .Select(c => new { c.Date, c.Court, c.Reason }).ToListAsync(ct);
        return closures.Count == 0 ? CourtCalendar.Federal
            : CourtCalendar.Create(closures.Select(c => new CourtClosure(c.Date, c.Court is null ? null : new CourtId(c.Court), c.Reason)));
    }

    /// <summary>Pure evaluation of many people, in parallel when there are enough to pay for it.</summary>
    public static PersonResult[] Evaluate(IReadOnlyList<PersonFacts> people, DateOnly asOf, ICourtCalendar calendar)
    {
        var results = new PersonResult[people.Count];
        if (people.Count < 2_000)
        {
            var list = new List<DerivedDeadline>(8);
            for (var i = 0; i < people.Count; i++)
            {
                results[i] = EvaluateOne(people[i], asOf, calendar, list);
            }

            return results;
        }

        Parallel.ForEach(Partitioner.Create(0, people.Count, 4_096), () => new List<DerivedDeadline>(8), (range, _, list) =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                results[i] = EvaluateOne(people[i], asOf, calendar, list);
            }

            return list;
        }, _ => { });
        return results;
    }

    private static PersonResult EvaluateOne(PersonFacts p, DateOnly asOf, ICourtCalendar calendar, List<DerivedDeadline> scratch)
    {
        scratch.Clear();
        var status = ProtectionEngine.Evaluate(p.Facts, asOf, calendar);
        PersonDeadlines.Derive(p.Facts, p.ClassOrderKeys, asOf, calendar, scratch);
        return new PersonResult(p.PersonId, status, scratch.Count == 0 ? [] : [.. scratch], status.Summary, DerivedWriter.ReasonsJson(status));
    }

    private static async Task<RecomputeStats> RunAsync(DbConnection connection, DbTransaction? transaction, PersonScope scope, DateOnly asOf,
        ICourtCalendar calendar, CancellationToken ct, bool alreadyCleared = false)
    {
        var watch = Stopwatch.StartNew();
        var facts = await FactsReader.ReadAsync(connection, transaction, scope, ct);
        var read = watch.Elapsed;
        var results = Evaluate(facts, asOf, calendar);
        var evaluated = watch.Elapsed;
        var deadlines = await DerivedWriter.WriteAsync(connection, transaction, scope, results, alreadyCleared, ct);
        return new RecomputeStats(results.Length, deadlines, read, evaluated - read, watch.Elapsed - evaluated);
    }
}

/// <summary>Writes derived rows with multi-row statements on the caller's connection and transaction.</summary>
public static class DerivedWriter
{
    /// <summary>
    /// SQLite looks a named parameter up by a linear scan of the statement's names, so a statement with thousands of
    /// parameters costs quadratic time to bind: a few rows per statement is fastest there. PostgreSQL pays per round
    /// trip instead, so it gets many rows per statement.
    /// </summary>
    private static int RowsPerStatement(DbConnection connection) => connection is Microsoft.Data.Sqlite.SqliteConnection ? 8 : 500;

    private static readonly string[] ProtectionColumns =
        ["PersonId", "State", "PrimarySource", "UntilDate", "UntilEvent", "EndsWithin7Days", "Summary", "ReasonsJson", "ComputedAsOf"];

    private static readonly string[] DeadlineColumns =
        ["PersonId", "RuleId", "CourtOrderId", "TriggerDate", "DueDate", "PeriodDays", "Citation", "State", "Manual"];

    public static async Task DeleteAllDerivedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, "DELETE FROM person_deadlines WHERE \"Manual\" = FALSE", ct);
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

    /// <summary>Replaces the derived rows of everyone in the scope; returns the number of deadlines written.</summary>
    public static async Task<int> WriteAsync(DbConnection connection, DbTransaction? transaction, PersonScope scope, PersonResult[] results,
        bool alreadyCleared, CancellationToken ct)
    {
        if (!alreadyCleared)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandTimeout = 0;
            delete.CommandText = $"DELETE FROM person_deadlines WHERE \"Manual\" = FALSE AND {scope.Where("\"PersonId\"")}";
            scope.Bind(delete);
            await delete.ExecuteNonQueryAsync(ct);
        }

        var upsert = alreadyCleared ? "" : " ON CONFLICT (\"PersonId\") DO UPDATE SET "
            + string.Join(", ", ProtectionColumns.Skip(1).Select(c => $"\"{c}\" = excluded.\"{c}\""));
        await BulkInsertAsync(connection, transaction, "person_protection", ProtectionColumns, upsert, results.Length, (values, i) =>
        {
            var r = results[i];
            var s = r.Status;
            values[0] = r.PersonId;
            values[1] = s.State.ToString();
            values[2] = s.Primary?.Source.ToString();
            values[3] = s.State == ProtectionState.Protected ? s.Primary?.LastDay : null;
            values[4] = s.State == ProtectionState.Protected && s.Primary is { Until: not UntilEvent.None } p ? p.Until.ToString() : null;
            values[5] = s.EndsWithin7Days;
            values[6] = r.Summary;
            values[7] = r.ReasonsJson;
            values[8] = s.AsOf;
        }, ct);

        var rows = new List<(long PersonId, DerivedDeadline Deadline)>();
        foreach (var r in results)
        {
            foreach (var d in r.Deadlines)
            {
                rows.Add((r.PersonId, d));
            }
        }

        await BulkInsertAsync(connection, transaction, "person_deadlines", DeadlineColumns, "", rows.Count, (values, i) =>
        {
            var (personId, d) = rows[i];
            values[0] = personId;
            values[1] = d.RuleId;
            values[2] = d.OrderKey;
            values[3] = d.TriggerDate;
            values[4] = d.DueDate;
            values[5] = d.PeriodDays;
            values[6] = d.Citation;
            values[7] = d.State.ToString();
            values[8] = false;
        }, ct);
        return rows.Count;
    }

    /// <summary>The chain of reasons as stored: [{"code","text","citation","missing"}].</summary>
    public static string ReasonsJson(ProtectionStatus status)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var r in status.Reasons)
            {
                Write(w, r, false);
            }

            foreach (var r in status.Missing)
            {
                Write(w, r, true);
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);

        static void Write(Utf8JsonWriter w, ProtectionReason r, bool missing)
        {
            w.WriteStartObject();
            w.WriteString("code", r.Code.ToString());
            w.WriteString("text", r.Text);
            w.WriteString("citation", r.Citation);
            if (missing)
            {
                w.WriteBoolean("missing", true);
            }

            w.WriteEndObject();
        }
    }

    /// <summary>
    /// INSERT ... VALUES (...),(...) with several rows per statement; the full-size command is
    /// built once and re-bound, so SQLite reuses its prepared statement.
    /// </summary>
    public static async Task BulkInsertAsync(DbConnection connection, DbTransaction? transaction, string table, string[] columns, string suffix,
        int rowCount, Action<object?[], int> fill, CancellationToken ct)
    {
        if (rowCount == 0)
        {
            return;
        }

        var values = new object?[columns.Length];
        var perStatement = RowsPerStatement(connection);
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rowCount; start += perStatement)
            {
                var n = Math.Min(perStatement, rowCount - start);
                var cmd = n == perStatement ? full ??= Create(connection, transaction, table, columns, suffix, n) : Create(connection, transaction, table, columns, suffix, n);
                for (var row = 0; row < n; row++)
                {
                    fill(values, start + row);
                    for (var c = 0; c < columns.Length; c++)
                    {
                        cmd.Parameters[(row * columns.Length) + c].Value = values[c] ?? DBNull.Value;
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
    }

    private static DbCommand Create(DbConnection connection, DbTransaction? transaction, string table, string[] columns, string suffix, int rows)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandTimeout = 0;
        var sql = new StringBuilder().Append("INSERT INTO ").Append(table).Append(" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ",(");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = "@p" + ((row * columns.Length) + c).ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? "" : ",").Append(name);
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                cmd.Parameters.Add(p);
            }

            sql.Append(')');
        }

        cmd.CommandText = sql.Append(suffix).ToString();
        return cmd;
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
