using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Stayline.Data;

namespace Stayline.Tests.Data;

/// <summary>
/// The token table has no foreign key; a trigger on people deletes a person's tokens (by the keys its NameIndex records). EF Core rebuilds a
/// SQLite table (create ef_temp_, copy, drop, rename) for many schema changes: such a rebuild of either table
/// must succeed and leave the trigger in place.
/// </summary>
public class SqliteTokenTableTests
{
    [Theory]
    [InlineData("person_name_tokens")]
    [InlineData("none")]
    public async Task Rebuild_TokenTable_KeepsTheCascadeTrigger(string rebuilt)
    {
        var path = Path.Combine(Path.GetTempPath(), "stayline-tests", Guid.NewGuid().ToString("N"), "t.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = new StaylineDbContext(StaylineDatabase.From(path).Options());
        await StaylineDatabase.MigrateAsync(db);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO people (\"Id\",\"GivenName\",\"FamilyName\",\"BirthDatePrecision\",\"ConsentGiven\",\"CustodyStatus\",\"SortName\",\"NameIndex\",\"Version\",\"CreatedAt\",\"OrganisationId\") "
            + "VALUES (1,'Yousif','Kassab','Unknown',0,'Unknown','kassab yousif','{{\"sort\":\"kassab yousif\",\"tokens\":[\"kassab\",\"yousif\"]}}',0,0,1),"
            + "(2,'Yousif','Kassab','Unknown',0,'Unknown','kassab yousif','{{\"sort\":\"kassab yousif\",\"tokens\":[\"kassab\",\"yousif\"]}}',0,0,1);"
            + "INSERT INTO person_name_tokens (\"Token\",\"SortName\",\"PersonId\") VALUES ('kassab','kassab yousif',1),('yousif','kassab yousif',1),"
            + "('kassab','kassab yousif',2),('yousif','kassab yousif',2);");

        if (rebuilt != "none")
        {
            const string temp = "ef_temp_person_name_tokens";
            var table = new CreateTableOperation { Name = temp, PrimaryKey = new AddPrimaryKeyOperation { Table = temp, Columns = ["Token", "SortName", "PersonId"] } };
            table.Columns.Add(new AddColumnOperation { Name = "Token", Table = temp, ClrType = typeof(string), ColumnType = "TEXT" });
            table.Columns.Add(new AddColumnOperation { Name = "SortName", Table = temp, ClrType = typeof(string), ColumnType = "TEXT" });
            table.Columns.Add(new AddColumnOperation { Name = "PersonId", Table = temp, ClrType = typeof(long), ColumnType = "INTEGER" });
            table.Columns.Add(new AddColumnOperation { Name = "OrganisationId", Table = temp, ClrType = typeof(long), ColumnType = "INTEGER" });
            table.Columns.Add(new AddColumnOperation { Name = "OtherWords", Table = temp, ClrType = typeof(string), ColumnType = "TEXT", IsNullable = true });
            MigrationOperation[] rebuild =
            [
                table,
                new SqlOperation { Sql = $"INSERT INTO \"{temp}\" SELECT \"Token\",\"SortName\",\"PersonId\",\"OrganisationId\",\"OtherWords\" FROM person_name_tokens;" },
                new DropTableOperation { Name = rebuilt },
                new RenameTableOperation { Name = temp, NewName = rebuilt },
            ];
            foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(rebuild, db.Model))
            {
                await db.Database.ExecuteSqlRawAsync(command.CommandText);
            }
        }

        await db.Database.ExecuteSqlRawAsync("DELETE FROM people WHERE \"Id\" = 1");

        // Exactly the deleted person's rows: a namesake keeps theirs.
        Assert.Equal([2L, 2L], await db.NameTokens.Select(t => t.PersonId).ToListAsync());
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A real rebuild: EF Core turns an AlterColumn into create, copy, drop and rename inside its generator.</summary>
    [Theory]
    [InlineData("people", "Citizenship")]
    [InlineData("person_name_tokens", "OtherWords")]
    public async Task AlterColumn_Rebuild_KeepsTheCascadeTrigger(string table, string column)
    {
        var path = Path.Combine(Path.GetTempPath(), "stayline-tests", Guid.NewGuid().ToString("N"), "t.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = new StaylineDbContext(StaylineDatabase.From(path).Options());
        await StaylineDatabase.MigrateAsync(db);
        var id = await Stayline.Tests.Features.Review.ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", null);
        MigrationOperation[] alter =
        [
            new AlterColumnOperation
            {
                Table = table, Name = column, ClrType = typeof(string), ColumnType = "TEXT", IsNullable = true,
                OldColumn = new AddColumnOperation { Table = table, Name = column, ClrType = typeof(string), ColumnType = "TEXT", IsNullable = true },
            },
        ];
        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(alter, db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model))
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText);
        }

        Assert.True(await db.NameTokens.AnyAsync(t => t.PersonId == id));
        await db.Database.ExecuteSqlRawAsync("DELETE FROM people WHERE \"Id\" = {0}", id);

        Assert.Equal(0, await db.NameTokens.CountAsync(t => t.PersonId == id));
        SqliteConnection.ClearAllPools();
    }
}
