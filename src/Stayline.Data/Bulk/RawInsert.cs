using System.Text;

namespace Stayline.Data.Bulk;

/// <summary>
/// Inserts rows into a table given by name, with the columns the caller lists: for benchmarks that generate data or
/// measure a raw baseline. The application writes through <see cref="TableWriter{TRow}"/>, whose columns come from
/// the model.
/// </summary>
public static class RawInsert
{
    public static async Task InsertAsync(BulkTarget target, string table, string[] columns, int rowCount, Action<object?[], int> fill, CancellationToken ct)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(BulkSql.Quote(table)).Append(" (").AppendJoin(",", columns.Select(BulkSql.Quote)).Append(") VALUES (");
        var values = new object?[columns.Length];
        if (target.Connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            using var statement = new SqliteStatement(sqlite, sql.AppendJoin(",", columns.Select(_ => "?")).Append(')').ToString());
            for (var row = 0; row < rowCount; row++)
            {
                fill(values, row);
                for (var c = 0; c < columns.Length; c++)
                {
                    statement.Bind(c + 1, values[c]);
                }

                statement.Execute();
            }

            return;
        }

        await using var cmd = BulkSql.Command(target, sql.AppendJoin(",", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(')').ToString());
        for (var c = 0; c < columns.Length; c++)
        {
            BulkSql.Add(cmd, "@p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        }

        for (var row = 0; row < rowCount; row++)
        {
            fill(values, row);
            for (var c = 0; c < columns.Length; c++)
            {
                cmd.Parameters[c].Value = values[c] ?? DBNull.Value;
            }

            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
