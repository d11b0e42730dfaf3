using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Data.Bulk;
using Stayline.Domain.People;
using Stayline.Features.People;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>
/// The "anyone not worked out yet" check reads the table the database keeps by triggers (<see cref="PeopleWithoutProtection"/>):
/// people and protection rows written in SQL, around the app, count as much as the app's own writes.
/// </summary>
public class PeopleWithoutProtectionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PersonInsertedInSql_ListedFirstByNextDeadline_UntilDeletedOrGivenARow(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var amal = await ReviewServiceTests.AddPersonAsync(db, "Amal", "Toma", new DateOnly(1980, 1, 1));
        var basil = await ReviewServiceTests.AddPersonAsync(db, "Basil", "Toma", new DateOnly(1980, 1, 1));
        await db.Database.ExecuteSqlRawAsync("DELETE FROM person_protection");
        foreach (var id in new[] { amal, basil })
        {
            db.Protections.Add(new PersonProtection { PersonId = id, State = "Protected", Summary = "Protected", ComputedAsOf = new DateOnly(2027, 3, 1), NextDueDate = new DateOnly(2027, 3, 2) });
        }

        await db.SaveChangesAsync();
        Assert.False(await DerivedRead.AnyoneWithoutProtectionAsync(db, default));

        // A copy of Amal written in SQL under another name: no protection row, no name index, no A-number.
        var zuhair = await InsertCopyAsync(db, amal, "Zuhair");
        Assert.True(await DerivedRead.AnyoneWithoutProtectionAsync(db, default));
        var api = app.Api("viewer");
        Assert.Equal("Zuhair Amal Basil", await GivenAsync(api, desc: false));
        Assert.Equal("Zuhair Basil Amal", await GivenAsync(api, desc: true));

        // Given a row (in SQL): nobody is left.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO person_protection (\"PersonId\", \"State\", \"Summary\", \"ComputedAsOf\", \"EndsWithin7Days\") SELECT {0}, \"State\", \"Summary\", \"ComputedAsOf\", \"EndsWithin7Days\" FROM person_protection WHERE \"PersonId\" = {1}",
            zuhair, amal);
        Assert.False(await DerivedRead.AnyoneWithoutProtectionAsync(db, default));

        // Their row deleted in SQL: back in; then the person deleted in SQL (the row goes with them): nobody.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM person_protection WHERE \"PersonId\" = {0}", zuhair);
        Assert.True(await DerivedRead.AnyoneWithoutProtectionAsync(db, default));
        await db.Database.ExecuteSqlRawAsync("DELETE FROM people WHERE \"Id\" = {0}", zuhair);
        Assert.False(await DerivedRead.AnyoneWithoutProtectionAsync(db, default));
        Assert.Equal("Amal Basil", await GivenAsync(api, desc: false));

        // A person with a row deleted in SQL: their row goes by the cascade, and they are not counted as without one.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM people WHERE \"Id\" = {0}", basil);
        Assert.False(await DerivedRead.AnyoneWithoutProtectionAsync(db, default));
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM {PeopleWithoutProtection.Table}").SingleAsync());
    }

    /// <summary>The app's own writes keep it too: a person added through EF before the recompute writes their row.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TableHoldsExactlyThePeopleWithoutARow(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var ids = new List<long>();
        foreach (var n in new[] { "Amal", "Basil", "Dina" })
        {
            ids.Add(await ReviewServiceTests.AddPersonAsync(db, n, "Toma", new DateOnly(1980, 1, 1)));
        }

        await db.Protections.Where(pp => pp.PersonId == ids[0] || pp.PersonId == ids[2]).ExecuteDeleteAsync();
        var expected = await db.People.Where(p => !db.Protections.Any(pp => pp.PersonId == p.Id)).Select(p => p.Id).OrderBy(id => id).ToListAsync();
        Assert.Contains(ids[0], expected);
        Assert.Contains(ids[2], expected);
        var kept = await db.Database.SqlQueryRaw<long>($"SELECT \"PersonId\" AS \"Value\" FROM {PeopleWithoutProtection.Table} ORDER BY \"PersonId\"").ToListAsync();
        Assert.Equal(expected, kept);
    }

    private static async Task<long> InsertCopyAsync(StaylineDbContext db, long from, string given)
    {
        var person = db.Model.FindEntityType(typeof(Person))!;
        string Column(string property) => person.FindProperty(property)!.GetColumnName();
        var copied = person.GetProperties().Where(p => p.Name is not (nameof(Person.Id) or nameof(Person.GivenName) or nameof(Person.ANumber)) && p.GetColumnName() != PersonSearch.NameIndexColumn)
            .Select(p => $"\"{p.GetColumnName()}\"").ToList();
        var columns = string.Join(", ", copied);
        var sql = $"INSERT INTO people (\"{Column(nameof(Person.GivenName))}\", {columns}) SELECT {{0}}, {columns} FROM people WHERE \"{Column(nameof(Person.Id))}\" = {{1}}";
        await db.Database.ExecuteSqlRawAsync(sql, given, from);
        return await db.People.AsNoTracking().Where(p => p.GivenName == given).Select(p => p.Id).SingleAsync();
    }

    private static async Task<string> GivenAsync(HttpClient api, bool desc)
    {
        var page = (await api.GetFromJsonAsync<PeoplePage>($"/api/v1/people?sort=NextDeadline&pageSize=50{(desc ? "&desc=true" : "")}", PeopleApiTests.Json))!;
        return string.Join(" ", page.Rows.Select(r => r.GivenName));
    }
}
