using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Features.Documents;
using Stayline.Features.Facilities;

namespace Stayline.Infrastructure;

/// <summary>Brings a database to the current schema and seeds what every installation needs: the roles, the facility catalogue and the starter document templates.</summary>
public static class DatabaseSetup
{
    public sealed class NotMigratedException(string message) : Exception(message);

    /// <param name="migrate">Apply migrations. A SQLite file is always migrated (zero set-up); a PostgreSQL
    /// server only by `stayline db migrate`, so that several web nodes never race to change the schema.</param>
    public static async Task EnsureReadyAsync(IServiceProvider services, bool migrate, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var database = scope.ServiceProvider.GetRequiredService<StaylineDatabase>();
        if (database.SqlitePath is { } file)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                OwnerOnlyFiles.Restrict(file + suffix);
            }
        }

        if (migrate || database.Provider == DatabaseProvider.Sqlite)
        {
            try
            {
                await StaylineDatabase.MigrateAsync(db, ct);
            }
            catch (StaylineDatabase.IncompatibleSchemaException ex)
            {
                throw new NotMigratedException($"{database.Describe()}: {ex.Message}");
            }
        }
        else if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new NotMigratedException($"The database ({database.Describe()}) is not at the current schema. Run: ./stayline db migrate");
        }

        await EnsureNameIndexCurrentAsync(db, migrate || database.Provider == DatabaseProvider.Sqlite, database, ct);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!await db.Facilities.AnyAsync(ct))
        {
            db.Facilities.AddRange(SeedFacilities());
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await FacilityReference.FillBlanksAsync(db, ct);
        }

        await Features.Habeas.RespondentReference.EnsureAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<DocumentService>().EnsureStartersAsync(ct);
    }

    /// <summary>
    /// The name-search index was built by this build's rules (<see cref="PersonSearch.KeysFingerprint"/>), or it is rebuilt
    /// now, in one transaction (<c>db reindex</c>): after an upgrade that changed how names are keyed, people saved before
    /// would otherwise be missed by a search for a spelling variant and by the add-person duplicate check. Where the
    /// schema is changed (a SQLite file; PostgreSQL by <c>db migrate</c>) the index is rebuilt; a PostgreSQL web node
    /// that may not change it refuses to start, as it does for a pending migration.
    /// </summary>
    private static async Task EnsureNameIndexCurrentAsync(StaylineDbContext db, bool mayRebuild, StaylineDatabase database, CancellationToken ct)
    {
        var row = await db.DerivedVersions.FirstOrDefaultAsync(v => v.Kind == DerivedVersion.NameKeys, ct);
        if (row?.Value == PersonSearch.KeysFingerprint)
        {
            return;
        }

        if (await db.People.AnyAsync(ct))
        {
            if (!mayRebuild)
            {
                throw new NotMigratedException($"The name-search index of the database ({database.Describe()}) was built by another version's rules. Run: ./stayline db migrate");
            }

            await Features.Import.PeopleBulkWriter.ReindexAsync(db, ct);
        }

        if (row is null)
        {
            db.DerivedVersions.Add(new DerivedVersion { Kind = DerivedVersion.NameKeys, Value = PersonSearch.KeysFingerprint });
        }
        else
        {
            row.Value = PersonSearch.KeysFingerprint;
        }

        await db.SaveChangesAsync(ct);
    }

    public static IEnumerable<Facility> SeedFacilities() => FacilityReference.SeedFacilities();
}
