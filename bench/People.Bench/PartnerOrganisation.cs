using Microsoft.Data.Sqlite;

namespace People.Bench;

/// <summary>
/// A partner organisation in a benchmark file: it owns every tenth person (ids ending in 3) and their name tokens, so
/// that its readers see 10 % of the people through the scoping filter, as a partner clinic would. Shared as source with
/// Scoping.Bench.
/// </summary>
internal static class PartnerOrganisation
{
    public const string Name = "Partner clinic (bench)";

    /// <summary>Whether the partner owns the person with this id.</summary>
    public static bool Owns(long personId) => personId % 10 == 3;

    /// <summary>The partner's id, made on first use: the organisation added and its people moved to it.</summary>
    public static async Task<long> EnsureAsync(string path)
    {
        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
        async Task<object?> RunAsync(string sql, long? id = null)
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            cmd.Parameters.AddWithValue("$name", Name);
            cmd.Parameters.AddWithValue("$id", id ?? 0);
            return await cmd.ExecuteScalarAsync();
        }

        if (await RunAsync("SELECT Id FROM organisations WHERE Name = $name") is long existing)
        {
            return existing;
        }

        var partner = (long)(await RunAsync("INSERT INTO organisations (Name, IsCoordinating, CreatedAt) VALUES ($name, 0, 0) RETURNING Id"))!;
        await RunAsync("UPDATE people SET OrganisationId = $id WHERE Id % 10 = 3", partner);
        await RunAsync("UPDATE person_name_tokens SET OrganisationId = $id WHERE PersonId % 10 = 3", partner);
        await tx.CommitAsync();
        return partner;
    }
}
