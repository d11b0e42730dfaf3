using Microsoft.EntityFrameworkCore;
using Stayline.Domain.People;

namespace Stayline.Data.Bulk;

/// <summary>A row of <c>person_protection</c> (members named as <see cref="PersonProtection"/>'s properties).</summary>
public record struct ProtectionRow(long PersonId, string State, string? PrimarySource, DateOnly? UntilDate, string? UntilEvent, bool EndsWithin7Days,
    string Summary, DateOnly ComputedAsOf, DateOnly? NextDueDate);

/// <summary>A row of <c>person_derived_hashes</c>.</summary>
public record struct DerivedHashRow(long PersonId, long ProtectionHash, long DeadlinesHash);

/// <summary>A derived (not manual) row of <c>person_deadlines</c>; <see cref="Id"/> is written only by an update.</summary>
public record struct DeadlineRow(long Id, long PersonId, string RuleId, long? CourtOrderId, DateOnly? TriggerDate, DateOnly? DueDate, int PeriodDays,
    string Citation, string State, bool Manual);

/// <summary>
/// The named writes of a recompute into the derived tables (protection, fingerprints, deadlines, watermark), on the
/// target's connection and transaction. Table and column names come from the EF model.
/// </summary>
public static class DerivedWrite
{
    public const int WatermarkId = 1;

    /// <summary>Columns of a deadline that only a manual deadline has.</summary>
    private static readonly string[] ManualOnly =
        [nameof(PersonDeadline.Title), nameof(PersonDeadline.Trigger), nameof(PersonDeadline.Explanation), nameof(PersonDeadline.CreatedBy), nameof(PersonDeadline.CreatedAt)];

    public static ModelTable<ProtectionRow> Protection(BulkTarget target) => ModelTable<ProtectionRow>.For<PersonProtection>(target.Model);

    public static ModelTable<DerivedHashRow> Hashes(BulkTarget target) => ModelTable<DerivedHashRow>.For<PersonDerivedHash>(target.Model);

    /// <summary>New deadline rows: the database gives the id.</summary>
    public static ModelTable<DeadlineRow> NewDeadlines(BulkTarget target) =>
        ModelTable<DeadlineRow>.For<PersonDeadline>(target.Model, [nameof(PersonDeadline.Id), .. ManualOnly]);

    /// <summary>Deadline rows rewritten in place, by id.</summary>
    public static ModelTable<DeadlineRow> Deadlines(BulkTarget target) => ModelTable<DeadlineRow>.For<PersonDeadline>(target.Model, ManualOnly);

    public static async Task DeleteAllAsync(BulkTarget target, CancellationToken ct)
    {
        await BulkSql.ExecuteAsync(target, $"DELETE FROM {target.Table<PersonDeadline>()} WHERE {target.Column<PersonDeadline>(nameof(PersonDeadline.Manual))} = FALSE", ct);
        await BulkSql.ExecuteAsync(target, $"DELETE FROM {target.Table<PersonDerivedHash>()}", ct);
        await BulkSql.ExecuteAsync(target, $"DELETE FROM {target.Table<PersonProtection>()}", ct);
    }

    /// <summary>SQLite: drops the derived tables' secondary indexes and returns the statements that rebuild them.</summary>
    public static Task<List<string>> DropSecondaryIndexesAsync(BulkTarget target, CancellationToken ct) =>
        SecondaryIndexes.DropAsync(target, [Deadlines(target).Table, Protection(target).Table], ct);

    /// <summary>Records that every stored result was confirmed for <paramref name="asOf"/> (end of a full recompute).</summary>
    public static async Task SetWatermarkAsync(BulkTarget target, DateOnly asOf, CancellationToken ct)
    {
        var id = target.Column<DerivedWatermark>(nameof(DerivedWatermark.Id));
        var day = target.Column<DerivedWatermark>(nameof(DerivedWatermark.AllComputedAsOf));
        await using var cmd = BulkSql.Command(target,
            $"INSERT INTO {target.Table<DerivedWatermark>()} ({id}, {day}) VALUES (@id, @day) ON CONFLICT ({id}) DO UPDATE SET {day} = excluded.{day}");
        BulkSql.Add(cmd, "@id", WatermarkId);
        BulkSql.Add(cmd, "@day", asOf);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes rows to one derived table: inserts, or upserts by the table's key.</summary>
    public static async Task WriteAsync<T, TRow>(BulkTarget target, ModelTable<TRow> table, bool upsert, IReadOnlyList<T> rows, Func<T, int, TRow> row,
        CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var key = upsert ? target.Model.FindEntityType(table.Entity)!.FindPrimaryKey()!.Properties.Single().Name : null;
        await using var writer = await TableWriter<TRow>.OpenAsync(target, table, key, ct);
        for (var i = 0; i < rows.Count; i++)
        {
            if ((i & 4095) == 4095)
            {
                ct.ThrowIfCancellationRequested();
            }

            await writer.AddAsync(row(rows[i], i), ct);
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>
    /// SQLite: one row for every person whose id is in [<paramref name="from"/>, <paramref name="to"/>], each the
    /// <paramref name="template"/> with the person's id, in one <c>INSERT ... SELECT</c> over the people table. Many
    /// new people share one result (no facts yet): a million of them bound and stepped row by row cost seconds. The
    /// values are bound by the table's own binder, so the stored form is the row writer's. The template's person id
    /// must be <paramref name="from"/> (it is bound as the range's lower end).
    /// </summary>
    public static void WriteSame<TRow>(BulkTarget target, ModelTable<TRow> table, string personProperty, TRow template, long to)
    {
        var entity = target.Model.FindEntityType(table.Entity)!;
        var person = entity.FindProperty(personProperty)!.GetColumnName(Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table.Table, entity.GetSchema()))!;
        var at = table.Columns.ToList().IndexOf(person) + 1;
        if (at == 0 || target.Connection is not Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            throw new InvalidOperationException($"{table.Table}: no column {person}, or not SQLite.");
        }

        var id = target.Column<Person>(nameof(Person.Id));
        var values = string.Join(", ", table.Columns.Select((c, i) => i + 1 == at ? "p." + id : "?" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var last = (table.Columns.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var insert = new SqliteStatement(sqlite,
            $"INSERT INTO {BulkSql.Quote(table.Table)} ({string.Join(", ", table.Columns.Select(BulkSql.Quote))}) SELECT {values} FROM {target.Table<Person>()} p "
            + $"WHERE p.{id} BETWEEN ?{at.ToString(System.Globalization.CultureInfo.InvariantCulture)} AND ?{last}");
        table.BindSqlite(insert, template, 0);
        insert.Bind(table.Columns.Count + 1, to);
        insert.Execute();
    }

    /// <summary>
    /// Sets each given person's <see cref="PersonProtection.NextDueDate"/> from the deadline rows as stored (derived and
    /// entered by hand): one seek of the (PersonId, State, DueDate) index each. With <paramref name="ids"/> null, the
    /// people who have an open deadline entered by hand (after a first recompute, which knew only the derived ones).
    /// </summary>
    public static async Task RefreshNextDueAsync(BulkTarget target, IReadOnlyList<long>? ids, CancellationToken ct)
    {
        if (ids is { Count: 0 })
        {
            return;
        }

        string D(string property) => target.Column<PersonDeadline>(property);
        // The protection row's person named with its table: inside the subquery a bare name would be the deadline's.
        var person = target.Table<PersonProtection>() + "." + target.Column<PersonProtection>(nameof(PersonProtection.PersonId));
        var sql = $"UPDATE {target.Table<PersonProtection>()} SET {target.Column<PersonProtection>(nameof(PersonProtection.NextDueDate))} = "
            + $"(SELECT MIN(d.{D(nameof(PersonDeadline.DueDate))}) FROM {target.Table<PersonDeadline>()} d WHERE d.{D(nameof(PersonDeadline.PersonId))} = {person} "
            + $"AND d.{D(nameof(PersonDeadline.State))} = 'Open' AND d.{D(nameof(PersonDeadline.DueDate))} IS NOT NULL) WHERE {person} ";
        if (ids is null)
        {
            await BulkSql.ExecuteAsync(target, sql + $"IN (SELECT {D(nameof(PersonDeadline.PersonId))} FROM {target.Table<PersonDeadline>()} "
                + $"WHERE {D(nameof(PersonDeadline.Manual))} = TRUE AND {D(nameof(PersonDeadline.State))} = 'Open')", ct);
            return;
        }

        await ForEachIdAsync(target, sql + "= ", ids, ct);
    }

    /// <summary>Deletes deadline rows by id.</summary>
    public static async Task DeleteDeadlinesAsync(BulkTarget target, IReadOnlyList<long> ids, CancellationToken ct)
    {
        await ForEachIdAsync(target, $"DELETE FROM {target.Table<PersonDeadline>()} WHERE {target.Column<PersonDeadline>(nameof(PersonDeadline.Id))} = ", ids, ct);
    }

    /// <summary>Runs a statement ending in "= " for each id: one prepared statement per id on SQLite (in process, no
    /// round trips), <c>= ANY(@ids)</c> over chunks of 10,000 on PostgreSQL.</summary>
    private static async Task ForEachIdAsync(BulkTarget target, string sqlEndingInEquals, IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (target.Connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            using var statement = new SqliteStatement(sqlite, sqlEndingInEquals + "?");
            foreach (var id in ids)
            {
                statement.Bind(1, id);
                statement.Execute();
            }

            return;
        }

        foreach (var chunk in ids.Chunk(10_000))
        {
            await using var cmd = BulkSql.Command(target, sqlEndingInEquals + "ANY(@ids)");
            BulkSql.Add(cmd, "ids", chunk);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
