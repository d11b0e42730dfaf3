using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Features.Documents;

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

        await scope.ServiceProvider.GetRequiredService<DocumentService>().EnsureStartersAsync(ct);
    }

    /// <summary>Districts of seeded facilities in states with several districts, from the county each city lies in.</summary>
    private static readonly Dictionary<string, string> KnownDistricts = new(StringComparer.Ordinal)
    {
        ["Calhoun County Correctional Center"] = "W.D. Mich.",
        ["Chippewa County Correctional Facility"] = "W.D. Mich.",
        ["Monroe County Jail"] = "E.D. Mich.",
        ["St. Clair County Jail"] = "E.D. Mich.",
        ["Northeast Ohio Correctional Center"] = "N.D. Ohio",
        ["Mahoning County Justice Center"] = "N.D. Ohio",
        ["Geauga County Safety Center"] = "N.D. Ohio",
        ["Seneca County Jail"] = "N.D. Ohio",
        ["Corrections Center of Northwest Ohio (CCNO)"] = "N.D. Ohio",
        ["Butler County Sheriff's Office"] = "S.D. Ohio",
        ["Stewart Detention Center"] = "M.D. Ga.",
        ["Port Isabel Service Processing Center"] = "S.D. Tex.",
        ["Prairieland Detention Facility"] = "N.D. Tex.",
        ["Adelanto ICE Processing Center"] = "C.D. Cal.",
        ["Desert View Annex"] = "C.D. Cal.",
        ["Otay Mesa Detention Center"] = "S.D. Cal.",
        ["Krome North Service Processing Center"] = "S.D. Fla.",
        ["Northwest ICE Processing Center (NWIPC)"] = "W.D. Wash.",
        ["Richwood Correctional Center"] = "W.D. La.",
    };

    public static IEnumerable<Facility> SeedFacilities()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("ice-facilities-2025-08.csv", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var csv = new Tables.CsvReader(new StreamReader(stream), ',');
        var header = csv.ReadHeader(out _)!.ToArray();
        int Col(string c) => Array.IndexOf(header, c);
        var list = new List<Facility>();
        while (csv.Read(out var f, out var error))
        {
            if (error is not null)
            {
                throw new InvalidDataException($"ice-facilities-2025-08.csv row {csv.Row}: {error}");
            }

            var facilityName = f[Col("name")];
            var (facility, errors) = Facility.Create(new FacilityInput(facilityName, f[Col("field_office")], f[Col("street")],
                f[Col("city")], f[Col("state")], f[Col("zip")], KnownDistricts.GetValueOrDefault(facilityName), null, "ICE facility list, Aug. 2025 (seed)"));
            if (facility is not null && errors.Count == 0)
            {
                list.Add(facility);
            }
        }

        return list;
    }
}
