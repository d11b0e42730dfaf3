using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stayline.Domain.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Import;

public class ImportCommandTests
{
    private const string Comma = "A-Number,Last Name,First Name,DOB,Country\nA012345678,Kassab,Yousif,1971-03-02,Iraq\n023456789,Al-Rubaie,Mohammed,05/14/1980,Iraq\n";

    public static TheoryData<string, string, byte[]> CsvVariants() => new()
    {
        { "comma", "Kassab", Encoding.UTF8.GetBytes(Comma) },
        { "semicolon with BOM", "Kassab", [.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Encoding.UTF8.GetBytes(Comma.Replace(',', ';'))] },
        { "tab, CRLF", "Kassab", Encoding.UTF8.GetBytes(Comma.Replace(',', '\t').Replace("\n", "\r\n")) },
        { "pipe", "Kassab", Encoding.UTF8.GetBytes(Comma.Replace(',', '|')) },
        // 0xE9 is é in Windows-1252 and not valid UTF-8 on its own.
        { "Windows-1252", "Kassab Hanné", [.. Encoding.ASCII.GetBytes("A#;Family name;Given;Date of Birth\nA012345678;Kassab Hann"), 0xE9, .. Encoding.ASCII.GetBytes(";Yousif;1971-03-02\n023456789;Al-Rubaie;Mohammed;1980-05-14\n")] },
        { "quoted fields", "Kassab, \"Abu Sami\" Hanna", Encoding.UTF8.GetBytes("\"A-Number\",\"Last Name\",First Name,DOB\nA012345678,\"Kassab, \"\"Abu Sami\"\"\nHanna\",Yousif,1971-03-02\n\"023456789\",Al-Rubaie,\"Mohammed\",1980-05-14\n") },
    };

    [Theory]
    [MemberData(nameof(CsvVariants))]
    public async Task ImportPeople_CsvVariants_CreatesEveryRow(string variant, string firstFamily, byte[] bytes)
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var file = kit.File("list.csv", bytes);

        var (code, output, error) = await kit.RunAsync("import", "people", file, "--source", "ICE list");

        Assert.True(code == 0, $"{variant}: {error}");
        Assert.Contains("2 rows: 2 new, 0 updated, 0 unchanged, 0 to review", output);
        await using var db = kit.Db();
        var people = await db.People.OrderBy(p => p.ANumber).ToListAsync();
        Assert.Equal(["012345678", "023456789"], people.Select(p => p.ANumber));
        Assert.Equal(firstFamily, people[0].FamilyName);
        Assert.Equal(new DateOnly(1971, 3, 2), people[0].BirthDate);
        Assert.Equal(new DateOnly(1980, 5, 14), people[1].BirthDate);
    }

    /// <summary>
    /// 37 people: the bulk writer's several-rows statements (8 people, 16 token rows) and the rest written one by one.
    /// Every person gets exactly their values, their custody episode, their tokens and their NameIndex.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPeople_MoreRowsThanOneStatement_EachPersonExactlyTheirRows(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        string[] given = ["Yousif", "Nadia", "Sami", "Rana"];
        var csv = new StringBuilder("A-Number,Last Name,First Name,DOB,Facility\n");
        for (var i = 0; i < 37; i++)
        {
            var facility = i % 3 == 0 ? "" : "Calhoun County Correctional Center";
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"A{100000000 + i},Kassab{i},{given[i % 4]},1970-01-{1 + (i % 28):D2},{facility}\n");
        }

        var (code, _, error) = await kit.RunAsync("import", "people", kit.File("list.csv", Encoding.UTF8.GetBytes(csv.ToString())));

        Assert.True(code == 0, error);
        await using var db = kit.Db();
        var people = await db.People.Include(p => p.CustodyEpisodes).OrderBy(p => p.ANumber).ToListAsync();
        Assert.Equal(37, people.Count);
        var calhoun = await db.Facilities.SingleAsync(f => f.Name == "Calhoun County Correctional Center");
        var tokens = (await db.NameTokens.AsNoTracking().ToListAsync()).ToLookup(t => t.PersonId);
        for (var i = 0; i < 37; i++)
        {
            var p = people[i];
            Assert.Equal(($"Kassab{i}", given[i % 4], new DateOnly(1970, 1, 1 + (i % 28))), (p.FamilyName, p.GivenName, p.BirthDate!.Value));
            Assert.Equal(i % 3 == 0 ? [] : new long?[] { calhoun.Id }, p.CustodyEpisodes.Select(e => (long?)e.FacilityId));
            var expected = Stayline.Data.PersonSearch.TokensForPerson(p.GivenName, p.FamilyName, p.NativeName, []);
            Assert.Equal(expected.Order(), tokens[p.Id].Select(t => t.Token).Order());
            Assert.All(tokens[p.Id], t => Assert.Equal(p.SortName, t.SortName));
            var index = Stayline.Data.PersonSearch.ReadNameIndex(
                db.Entry(p).Property<string?>(Stayline.Data.PersonSearch.NameIndexColumn).CurrentValue)!;
            Assert.Equal(p.SortName, index.Sort);
            Assert.Equal(expected.Order(), index.Tokens.Order());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPeople_Xlsx_ReadsTextAndDateCellsAndFacility(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        var file = kit.Xlsx("list.xlsx",
            ["Alien Number", "Family name", "Given", "Date of Birth", "Detention Facility", "Notes"],
            ["A 012-345-678", "KASSAB", "Yousif", "date:1971-03-02", "calhoun county correctional center.", "x"],
            ["", "Jarjees", "Nadia", "1965", "", ""]);

        var (code, output, error) = await kit.RunAsync("import", "people", file);

        Assert.True(code == 0, error);
        Assert.Contains("XLSX (sheet \"Detainees\")", output);
        Assert.Contains("warning: Column \"Notes\" is not mapped", output);
        await using var db = kit.Db();
        var yousif = await db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.ANumber == "012345678");
        Assert.Equal(new DateOnly(1971, 3, 2), yousif.BirthDate);
        Assert.Equal(CustodyStatus.Detained, yousif.CustodyStatus);
        var calhoun = await db.Facilities.SingleAsync(f => f.Name == "Calhoun County Correctional Center");
        Assert.Equal(calhoun.Id, yousif.CurrentFacilityId);
        Assert.Equal(calhoun.Id, Assert.Single(yousif.CustodyEpisodes).FacilityId);
        var nadia = await db.People.SingleAsync(p => p.GivenName == "Nadia");
        Assert.Equal(BirthDatePrecision.YearOnly, nadia.BirthDatePrecision);
        Assert.Null(nadia.ANumber);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPeople_DryRunThenTwiceThenUndo_WritesOnceAndUndoesCleanly(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        var file = kit.File("list.csv", Comma);

        var dry = await kit.RunAsync("import", "people", file, "--dry-run");
        Assert.Equal(0, dry.Code);
        Assert.Contains("dry run: nothing written", dry.Out);
        Assert.Equal((0, 0, 0, 0), await kit.CountsAsync());

        var first = await kit.RunAsync("import", "people", file);
        Assert.Equal(0, first.Code);
        var afterFirst = await kit.CountsAsync();
        Assert.Equal((2, 1), (afterFirst.People, afterFirst.Batches));
        Assert.True(afterFirst.Tokens >= 4, "each person's folded words are in the search index");
        await using (var db = kit.Db())
        {
            Assert.True(await db.NameKeys.CountAsync() >= 4, "their spelling keys are in the key dictionary");
            // The bulk writer bypasses the save hook: the import gives the new people their protection right after.
            Assert.Equal(2, await db.Protections.CountAsync(p => p.State == "Unknown"));
        }

        var again = await kit.RunAsync("import", "people", file);
        Assert.Equal(0, again.Code);
        Assert.Contains("already imported", again.Out);
        Assert.Equal(afterFirst, await kit.CountsAsync());

        // The same rows in another file: linked by A-number, nothing to change.
        var copy = kit.File("copy.csv", Comma.Replace("Country", "Citizenship"));
        var second = await kit.RunAsync("import", "people", copy);
        Assert.Contains("2 rows: 0 new, 0 updated, 2 unchanged", second.Out);

        var undo = await kit.RunAsync("import", "undo", "1");
        Assert.True(undo.Code == 0, undo.Err);
        Assert.Contains("2 people removed", undo.Out);
        var afterUndo = await kit.CountsAsync();
        Assert.Equal((0, 0, 0), (afterUndo.People, afterUndo.Tokens, afterUndo.Aliases));
        var twice = await kit.RunAsync("import", "undo", "1");
        Assert.Equal(1, twice.Code);
        Assert.Contains("already undone", twice.Err);
    }

    [Fact]
    public async Task ImportUndo_AfterALaterEdit_RefusesAndKeepsEverything()
    {
        await using var kit = await ImportTestKit.CreateAsync();
        await kit.RunAsync("import", "people", kit.File("list.csv", Comma));
        await using (var db = kit.Db())
        {
            var p = await db.People.SingleAsync(x => x.ANumber == "012345678");
            p.Update(p.ToInput() with { Languages = "Arabic" }, new DateOnly(2026, 1, 1));
            await db.SaveChangesAsync();
        }

        var undo = await kit.RunAsync("import", "undo", "1");

        Assert.Equal(1, undo.Code);
        Assert.Contains("cannot be undone", undo.Err);
        Assert.Contains("1 people were edited since", undo.Err);
        Assert.Equal(2, (await kit.CountsAsync()).People);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPeople_LinksByANumberAndByNameAndBirthDate_UpdatesAndUndoRestores(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        await kit.RunAsync("import", "people", kit.File("first.csv",
            "Last Name,First Name,DOB,A-Number\nKassab,Yousif,1971-03-02,A012345678\nAljabouri,Yousif,1969-07-21,\nHermiz,Ban,1975-11-30,\n"));
        // Row 2: same A-number, another spelling, adds a country. Row 3: no A-number, variant spelling, same birth
        // date: the same person, gets the A-number. Row 4: a namesake with another birth date: a new person.
        var second = await kit.RunAsync("import", "people", kit.File("second.csv",
            "A#,Surname,Given,Birth date,Nationality\n012-345-678,Qassab,Yousef,1971-03-02,Iraq\nA034567890,Al Jaburi,Yusuf,1969-07-21,Iraq\n,Hermiz,Ban,1990-01-15,\n"));

        Assert.True(second.Code == 0, second.Err);
        Assert.Contains("3 rows: 1 new, 2 updated, 0 unchanged, 0 to review", second.Out);
        await using (var db = kit.Db())
        {
            var kassab = await db.People.Include(p => p.Aliases).SingleAsync(p => p.ANumber == "012345678");
            Assert.Equal(("Yousif", "Kassab", "Iraq"), (kassab.GivenName, kassab.FamilyName, kassab.Citizenship));
            Assert.Equal("Yousef Qassab", Assert.Single(kassab.Aliases).FullName);
            var jabouri = await db.People.SingleAsync(p => p.FamilyName == "Aljabouri");
            Assert.Equal("034567890", jabouri.ANumber);
            Assert.Equal(2, await db.People.CountAsync(p => p.FamilyName == "Hermiz"));
        }

        var undo = await kit.RunAsync("import", "undo", "2");
        Assert.True(undo.Code == 0, undo.Err);
        Assert.Contains("1 people removed, 2 restored", undo.Out);
        await using (var db = kit.Db())
        {
            var kassab = await db.People.Include(p => p.Aliases).SingleAsync(p => p.ANumber == "012345678");
            Assert.Null(kassab.Citizenship);
            Assert.Empty(kassab.Aliases);
            Assert.Null((await db.People.SingleAsync(p => p.FamilyName == "Aljabouri")).ANumber);
            Assert.Equal(1, await db.People.CountAsync(p => p.FamilyName == "Hermiz"));
        }
    }

    [Fact]
    public async Task ImportPeople_UnsureLink_WaitsInReview()
    {
        await using var kit = await ImportTestKit.CreateAsync();
        await kit.RunAsync("import", "people", kit.File("first.csv", "Last Name,First Name,DOB\nKassab,Yousif,1971-03-02\n"));

        // Same name, only the birth year agrees: the engine wants a person to look.
        var second = await kit.RunAsync("import", "people", kit.File("second.csv", "Last Name,First Name,DOB\nKassab,Yousif,1971\n"));

        Assert.True(second.Code == 0, second.Err);
        Assert.True(second.Out.Contains("0 new, 0 updated, 0 unchanged, 1 to review", StringComparison.Ordinal), second.Out);
        await using var db = kit.Db();
        var row = await db.ImportRows.SingleAsync(r => r.BatchId == 2);
        Assert.Equal(Stayline.Data.ImportRowAction.Review, row.Action);
        Assert.Equal(1, await db.People.CountAsync());
    }

    [Fact]
    public async Task ImportPeople_SameRowsAgain_NoneQueuedForReview()
    {
        // A hotline sheet without A-numbers, common names among them, imported twice: the second time every row
        // is its own person again (issue 13: 29 of 299 identical rows were queued, scored 0.35).
        await using var kit = await ImportTestKit.CreateAsync();
        string[] given = ["Mohammed", "Ali", "Yousif", "Hussein", "Gorgis", "Daoud"];
        string[] family = ["Hamama", "Kassab", "Al-Jaburi", "Yono", "Kallabat", "Ibrahim", "Shamoun"];
        var rows = Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{family[i % family.Length]},{given[i % given.Length]},{1950 + (i % 40)}-{(i % 3 == 0 ? 1 : 1 + (i % 12)):D2}-{(i % 3 == 0 ? 1 : 1 + (i % 27)):D2}"));
        var sheet = "Last Name,First Name,DOB\n" + string.Join("\n", rows) + "\n";
        var first = await kit.RunAsync("import", "people", kit.File("first.csv", sheet));
        Assert.True(first.Code == 0, first.Err);

        // Another file of the same rows (CRLF line ends), as a re-export would be.
        var again = await kit.RunAsync("import", "people", kit.File("again.csv", sheet.Replace("\n", "\r\n", StringComparison.Ordinal)));

        Assert.True(again.Code == 0, again.Err);
        Assert.True(again.Out.Contains("60 rows: 0 new, 0 updated, 60 unchanged, 0 to review", StringComparison.Ordinal), again.Out);
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "empty.csv", [], "is empty" },
        { "header.csv", Encoding.UTF8.GetBytes("A-Number,Last Name,First Name\n"), "has a header but no rows" },
        { "stray.csv", Encoding.UTF8.GetBytes("Last Name,First Name\nKassab,Yousif\nAl \"Abu\" Sami,Nadia\n"), "row 3: Stray quote in column 1" },
        { "unclosed.csv", Encoding.UTF8.GetBytes("Last Name,First Name\nKassab,\"Yousif\nJarjees,Nadia\n"), "never closed" },
        { "utf16.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Last Name\nKassab\n")).ToArray(), "UTF-16" },
        { "nobom16.csv", Encoding.Unicode.GetBytes("Last Name\nKassab\n"), "zero byte" },
        { "binary.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "not a text list" },
        { "truncated.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 1, 2, 3], "not a readable Excel file" },
        { "noname.csv", Encoding.UTF8.GetBytes("A-Number,DOB\nA012345678,1971-03-02\n"), "No column holds a name" },
        { "date.csv", Encoding.UTF8.GetBytes("Last Name,DOB\nKassab,31/31/1980\nJarjees,2990-01-01\n"), "row 2, column \"DOB\", value \"31/31/1980\"" },
        { "future.csv", Encoding.UTF8.GetBytes("Last Name,DOB\nKassab,2031-01-01\n"), "row 2, column \"DOB\", value \"2031-01-01\": Birth date 2031-01-01 is in the future" },
        { "old.csv", Encoding.UTF8.GetBytes("Last Name,DOB\nKassab,1899-12-31\n"), "row 2, column \"DOB\", value \"1899-12-31\": Birth date 1899-12-31 is before 1900" },
        { "anumber.csv", Encoding.UTF8.GetBytes("Last Name,A-Number\nKassab,A1234\nJarjees,A1234-5678\nHermiz,012345678\n"), "row 4, column \"A-Number\", value \"012345678\": The same A-number is on row 3" },
        { "extra.csv", Encoding.UTF8.GetBytes("Last Name,First Name\nKassab,Yousif,Hanna\n"), "row 2: The row has 3 values but the header has 2 columns" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ImportPeople_BadFile_ExitsOneWithTheReasonAndWritesNothing(string name, byte[] bytes, string message)
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var (code, _, error) = await kit.RunAsync("import", "people", kit.File(name, bytes));

        Assert.Equal(1, code);
        Assert.Contains(message, error);
        Assert.Contains("nothing was written", error);
        Assert.Equal((0, 0), ((await kit.CountsAsync()).People, (await kit.CountsAsync()).Batches));
    }

    [Fact]
    public async Task ImportPeople_BadRows_ListsEveryRowsError()
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var (code, _, error) = await kit.RunAsync("import", "people", kit.File("dates.csv", "Last Name,DOB\nKassab,31/31/1980\nJarjees,2990-01-01\nHermiz,1970-01-01\n,1970-01-02\n"));

        Assert.Equal(1, code);
        Assert.Contains("row 2, column \"DOB\", value \"31/31/1980\"", error);
        Assert.Contains("row 3, column \"DOB\", value \"2990-01-01\"", error);
        Assert.DoesNotContain("row 4", error);
        Assert.Contains("row 5, column \"Last Name\"", error);
        Assert.Contains("3 errors;", error);
    }

    [Fact]
    public async Task ImportPeople_FileAboveTheLimit_RefusedBeforeReading()
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var big = kit.File("big.csv", new byte[(1 << 20) + 1]);

        var (code, _, error) = await kit.RunAsync("import", "people", big, "--max-mib", "1");

        Assert.Equal(1, code);
        Assert.Contains("the limit is 1 MiB", error);
    }

    [Theory]
    [InlineData("{\"Nom\": \"family_name\", \"Prenom\": \"given name\", \"Ne le\": \"dob\"}", 0, "1 new")]
    [InlineData("header,field\nNom,FamilyName\nPrenom,GivenName\nNe le,BirthDate\n", 0, "1 new")]
    [InlineData("{\"Nom\": \"family_name\", \"Surnom\": \"given_name\"}", 1, "The mapping names column \"Surnom\", which this file does not have")]
    [InlineData("{\"Nom\": \"shoe size\"}", 1, "\"shoe size\" (for column \"Nom\") is not a field")]
    public async Task ImportPeople_WithMapping_MapsColumnsOrNamesTheProblem(string mapping, int expectedCode, string message)
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var file = kit.File("list.csv", "Nom;Prenom;Ne le\nKassab;Yousif;02.03.1971\n");
        var map = kit.File(mapping.StartsWith('{') ? "map.json" : "map.csv", mapping);

        var (code, output, error) = await kit.RunAsync("import", "people", file, "--mapping", map, "--source", "French list");

        Assert.Equal(expectedCode, code);
        Assert.Contains(message, output + error);
    }

    [Fact]
    public async Task ImportPeople_Json_PrintsTheReport()
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var (code, output, _) = await kit.RunAsync("import", "people", kit.File("list.csv", Comma), "--json", "--dry-run");

        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("Created").GetInt32());
        Assert.Equal("ANumber", json.RootElement.GetProperty("Fields")[0].GetString());
        Assert.False(json.RootElement.GetProperty("Written").GetBoolean());
    }
}
