using Microsoft.EntityFrameworkCore;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Import;

/// <summary>Issue 13 item 4: a list's optional particulars (place of birth, parents' names, city, e-mail, phone) are
/// stored on the person, fill blanks without overwriting, and count as evidence when the import links rows to people.</summary>
public class ImportParticularsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPeople_Particulars_StoredThenBlanksFilledNeverOverwrittenAndUndone(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        var first = await kit.RunAsync("import", "people", kit.File("first.csv",
            "A-Number,Last Name,First Name,DOB,Place of Birth,Father's Name,City\nA012345678,Kassab,Yousif,1971-03-02,Tel Keppe,Hanna,Sterling Heights\n"));
        Assert.True(first.Code == 0, first.Err);

        // The same person by A-number: a new father's name is not taken (the record has one), the blanks are filled.
        var second = await kit.RunAsync("import", "people", kit.File("second.csv",
            "A#,Surname,Given,Father,Mother's name,E-mail,Mobile\n012-345-678,Kassab,Yousif,Yousif,Warda,y.kassab@example.org,+1 586 555 0100\n"));

        Assert.True(second.Code == 0, second.Err);
        Assert.Contains("1 row: 0 new, 1 updated", second.Out);
        await using (var db = kit.Db())
        {
            var p = await db.People.SingleAsync();
            Assert.Equal(("Tel Keppe", "Hanna", "Warda", "Sterling Heights", "y.kassab@example.org", "+1 586 555 0100"),
                (p.BirthPlace, p.FatherName, p.MotherName, p.City, p.Email, p.Phone));
        }

        var undo = await kit.RunAsync("import", "undo", "2");
        Assert.True(undo.Code == 0, undo.Err);
        await using (var db = kit.Db())
        {
            var p = await db.People.SingleAsync();
            Assert.Equal(("Tel Keppe", "Hanna", (string?)null, (string?)null, (string?)null), (p.BirthPlace, p.FatherName, p.MotherName, p.Email, p.Phone));
        }
    }

    [Fact]
    public async Task ImportPeople_SameNameOnlyTheYearAgrees_ParticularsDecide()
    {
        // Same name, only the birth year agrees: without more evidence the engine wants a person to look
        // (ImportCommandTests.ImportPeople_UnsureLink_WaitsInReview). The father's name, the phone and the city
        // agreeing make it the same person; the father's name and the phone disagreeing weigh against it.
        const string Known = "Last Name,First Name,DOB,Father's Name,Phone,City\nKassab,Yousif,1971-03-02,Hanna,+1 586 555 0100,Sterling Heights\n";
        const string Header = "Last Name,First Name,DOB,Father,Mobile,Town\n";

        var none = await SecondImportAsync(Known, Header + "Kassab,Yousif,1971,,,\n");
        var agree = await SecondImportAsync(Known, Header + "Kassab,Yousif,1971,Hanna,586-555-0100,Sterling Heights\n");
        var differ = await SecondImportAsync(Known, Header + "Kassab,Yousif,1971,Jibrail,313 555 0199,Sterling Heights\n");

        Assert.True(none.Out.Contains("0 new, 0 updated, 0 unchanged, 1 to review", StringComparison.Ordinal), none.Out);
        Assert.True(agree.Out.Contains("0 new, 0 updated, 1 unchanged, 0 to review", StringComparison.Ordinal), agree.Out);
        Assert.Contains("score 1.00", agree.Out);
        // Still for a person to look at (a parent's name may be spelled another way), but less likely the same.
        Assert.True(differ.Out.Contains("0 new, 0 updated, 0 unchanged, 1 to review", StringComparison.Ordinal), differ.Out);
        Assert.True(Score(differ.Out) < Score(none.Out) - 0.2, $"{Score(differ.Out)} vs {Score(none.Out)}");
    }

    private static async Task<(int Code, string Out, string Err)> SecondImportAsync(string known, string second)
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var first = await kit.RunAsync("import", "people", kit.File("first.csv", known));
        Assert.True(first.Code == 0 && first.Out.Contains("1 new", StringComparison.Ordinal), first.Out + first.Err);
        var result = await kit.RunAsync("import", "people", kit.File("second.csv", second));
        Assert.True(result.Code == 0, result.Err);
        return result;
    }

    private static double Score(string output)
    {
        var at = output.IndexOf("score ", StringComparison.Ordinal) + 6;
        return double.Parse(output.AsSpan(at, 4), System.Globalization.CultureInfo.InvariantCulture);
    }
}
