using Stayline.Domain.Matching;
using Stayline.Domain.People;

namespace Stayline.Domain.Tests.Matching;

public class LinkerTests
{
    private static PersonRecord P(string id, string given, string family, string dob = "", string aNumber = "", string country = "Iraq")
    {
        BirthDate.TryParse(dob, out var date, out var error);
        Assert.Null(error);
        ANumber? a = aNumber.Length == 0 ? null : ANumber.Parse(aNumber);
        return new PersonRecord(id, given, family, date, a, country);
    }

    public static TheoryData<PersonRecord, PersonRecord, MatchDecision> Pairs => new()
    {
        // Same person, re-typed.
        { P("1", "Yousif", "Kassab", "1975-03-24", "A012345678"), P("2", "YOUSEF", "KASSAB", "03/24/1975", "12345678"), MatchDecision.SamePerson },
        { P("1", "Mohammed", "Al-Rubaie", "1980-07-07"), P("2", "Muhammad Hasan", "Alrubaie", "07/07/1980"), MatchDecision.SamePerson },
        { P("1", "Abd al-Rahman", "Jaburi", "1968-11-02"), P("2", "Jaburi", "Abdulrahman", "1968-02-11"), MatchDecision.SamePerson },
        { P("1", "Yousif", "Kassab", "", "A012345678"), P("2", "Yusuf", "Kasab", "", "A012-345-678"), MatchDecision.SamePerson },
        // A name alone is not enough to merge, but worth a look.
        { P("1", "Yousif", "Kassab"), P("2", "Yousif", "Kassab"), MatchDecision.NeedsReview },
        // Namesakes: same name, different birth dates.
        { P("1", "Mohammed", "Al-Rubaie", "1980-07-07"), P("2", "Mohammed", "Al-Rubaie", "1962-02-19"), MatchDecision.Different },
        // Brothers: same family and father's name, different given names and birth dates.
        { P("1", "Yousif Hanna", "Kassab", "1975-03-24"), P("2", "Rami Hanna", "Kassab", "1978-10-02"), MatchDecision.Different },
        // Twins: everything but the given name agrees; a different given name outweighs the shared birth date.
        { P("1", "Yousif Hanna", "Kassab", "1975-03-24"), P("2", "Rami Hanna", "Kassab", "1975-03-24"), MatchDecision.Different },
        // Father and son.
        { P("1", "Salman bin Muhammad", "Al-Rawi", "1970-05-05"), P("2", "Muhammad bin Salman", "Al-Rawi", "1970-05-05"), MatchDecision.Different },
        // Conflicting A-numbers stop an automatic merge even when all else agrees.
        { P("1", "Yousif", "Kassab", "1975-03-24", "A012345678"), P("2", "Yousif", "Kassab", "1975-03-24", "A099999999"), MatchDecision.NeedsReview },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Score_KnownPairs_Decide(PersonRecord a, PersonRecord b, MatchDecision expected)
    {
        var pair = Linker.Score(a, b);
        Assert.True(expected == pair.Decision, $"{pair.Score:0.000} {pair.Evidence}");
    }

    [Fact]
    public void Score_Evidence_ExplainsEachField()
    {
        var e = Linker.Score(P("1", "Yousif", "Kassab", "1975-03-12", "A012345678", "Iraq"), P("2", "Yusuf", "Kassab", "1975-12-03", "A012345687", "")).Evidence;
        Assert.Equal(
            (BirthDateLevel.DayMonthSwapped, ANumberLevel.OneTypo, CountryLevel.Missing),
            (e.BirthDateLevel, e.ANumberLevel, e.CountryLevel));
        Assert.True(e.NameWeight > 0 && e.BirthDateWeight > 0 && e.ANumberWeight > 0);
        Assert.Equal(0, e.CountryWeight);
    }

    [Fact]
    public void Deduplicate_List_FindsOnlyTheDuplicatePairs()
    {
        var records = new[]
        {
            P("a", "Yousif Hanna", "Kassab", "1975-03-24", "A012345678"),
            P("b", "Rami Hanna", "Kassab", "1978-10-02"),
            P("c", "KASSAB", "YOUSEF", "24/03/1975", "012-345-678"),
            P("d", "Fatima", "Al-Zahra", "1990-01-01"),
            P("e", "Fatimah", "Alzahra", "1990"),
            P("f", "Salman bin Muhammad", "Al-Rawi", "1970-05-05"),
            P("g", "Muhammad bin Salman", "Al-Rawi", "1970-05-05"),
        };

        var pairs = Linker.Deduplicate(records, new LinkerOptions { MinScore = MatchModel.SameThreshold });

        // a/c: swapped names, day-first date, A-number without the A; d/e: a 1 January placeholder against a year.
        Assert.Equal([("a", "c"), ("d", "e")], pairs.Select(p => (records[p.Left].Id, records[p.Right].Id)));
    }

    [Fact]
    public void Link_TwoLists_PairsLeftWithRight()
    {
        var left = new[] { P("L1", "Mohammed", "Al-Rubaie", "1980-07-07"), P("L2", "Yousif", "Kassab", "1975-03-24") };
        var right = new[] { P("R1", "Yusuf", "Kassab", "03/24/1975"), P("R2", "Ali", "Hakim", "1960-02-02"), P("R3", "Mhd", "Rubaie", "07/07/1980") };

        var pairs = Linker.Link(left, right, new LinkerOptions { MinScore = MatchModel.SameThreshold });

        Assert.Equal([("L1", "R3"), ("L2", "R1")], pairs.Select(p => (left[p.Left].Id, right[p.Right].Id)));
    }

    [Fact]
    public void Deduplicate_OversizeBlock_StillFindsPairsThroughOtherKeys()
    {
        // Twenty namesakes share the name key; with a block cap of 5 the pair must come from the birth-date keys.
        var records = Enumerable.Range(0, 20).Select(i => P($"n{i}", "Ali", "Hakim", $"{1950 + i}-02-0{1 + (i % 9)}")).ToList();
        records.Add(P("x", "Alee", "Hakeem", "1955-02-06"));

        var pairs = Linker.Deduplicate(records, new LinkerOptions { MinScore = MatchModel.SameThreshold, MaxBlockSize = 5 });

        Assert.Equal([("n5", "x")], pairs.Select(p => (records[p.Left].Id, records[p.Right].Id)));
    }

    [Fact]
    public void Link_SyriacAndArabicFormsWithoutDates_BlockTogether()
    {
        // No birth date: only the name keys can bring Gorgis and Jirjis (one name, two traditions) together.
        var left = new[] { P("L1", "Gorgis", "Al-Kubaisi") };
        var right = new[] { P("R1", "Jirjis", "Al Kubaysi"), P("R2", "Boutros", "Al-Kubaisi") };

        var pairs = Linker.Link(left, right, new LinkerOptions { MinScore = 0.01 });

        Assert.Equal([("L1", "R1")], pairs.Select(p => (left[p.Left].Id, right[p.Right].Id)));
    }

    /// <summary>
    /// A hotline that writes the family name first (in the given-name field) and the person's own name, father's and
    /// grandfather's in the family field: no date on the row, so only a name key can bring the two together, and the
    /// family field's last word is the grandfather's. The brother (same family, same father's and grandfather's names)
    /// meets the same key and must stay apart.
    /// </summary>
    [Fact]
    public void Link_FamilyNameWrittenFirst_BlocksWithTheUsualOrder_AndTheBrotherStaysApart()
    {
        var left = new[] { P("L1", "Thamer", "Jarjis", "1998-04-10"), P("L2", "Sami", "Jarjis", "1995-11-02") };
        var right = new[] { P("R1", "AL-JARJIS", "THAMER ISMAEL MOHAMMED") };

        var pairs = Linker.Link(left, right, new LinkerOptions { MinScore = 0.01 });

        var thamer = Assert.Single(pairs, p => left[p.Left].Id == "L1");
        Assert.NotEqual(MatchDecision.Different, thamer.Decision);
        Assert.All(pairs.Where(p => left[p.Left].Id == "L2"), p => Assert.Equal(MatchDecision.Different, p.Decision));
    }

    /// <summary>
    /// Both name words respelt by ear (j/g, dh/d) with the same full date: no plain key is shared, the coarse pair with
    /// the year is. A namesake of the respelt name born another year shares no key at all and is not compared.
    /// </summary>
    [Fact]
    public void Link_BothNameWordsRespelt_BlockByTheCoarseKeys_NotTheNamesakeOfAnotherYear()
    {
        var left = new[] { P("L1", "Majid Yousif", "Fodhud", "1980-10-23"), P("L2", "Maged", "Fodud", "1962-03-01") };
        var right = new[] { P("R1", "MAGED YOUSIF JAMAL", "FODUD", "10/23/1980"), P("R2", "Jamal", "Al-Saffar", "1979-01-19") };
        var leftGamal = new[] { P("L3", "Gamal", "El-Saffar", "1979-01-01") };

        var pairs = Linker.Link(left, right, new LinkerOptions { MinScore = 0.01 });
        var gamal = Linker.Link(leftGamal, right, new LinkerOptions { MinScore = 0.01 });

        Assert.Equal([("L1", "R1", MatchDecision.SamePerson)], pairs.Where(p => p.Decision != MatchDecision.Different).Select(p => (left[p.Left].Id, right[p.Right].Id, p.Decision)));
        Assert.Equal(["R2"], gamal.Where(p => p.Decision != MatchDecision.Different).Select(p => right[p.Right].Id));
    }

    /// <summary>
    /// An import links its rows against the known people and their aliases (other spellings, as records with the
    /// person's id). The prior counts people, not records: 1,400 people with 438 aliases are 1,400 possible partners.
    /// Counting the aliases as people lowered the prior by 0.4 bits, and "Ali Alshamari, 1983" (a hotline row) fell
    /// below the review threshold against the known "Aly Alshammari, 1983-07-27": the import created a second person.
    /// </summary>
    [Fact]
    public void Link_AgainstPeopleWithAliases_PriorCountsPeople_AndTheLikelyPairIsNotANewPerson()
    {
        string[] syllables = ["ka", "ri", "mo", "tu", "sel", "bar", "din", "zo", "pe", "lun", "fa", "go", "ve", "nid"];
        string Word(int i, int salt) => string.Concat(Enumerable.Range(0, 3).Select(k => syllables[(i * (7 + salt) + (k * 5) + (i / (3 + k))) % syllables.Length]))
            + syllables[(i + salt) % syllables.Length];
        var people = Enumerable.Range(0, 1_400)
            .Select(i => P($"{i}", Word(i, 1), Word(i, 2), $"{1940 + (i % 60)}-{1 + (i % 12):00}-{1 + (i % 28):00}")).ToList();
        people[2] = P("2", "Aly", "Alshammari", "1983-07-27");
        string[] namesakes = ["Zainab", "Hassan", "Hoda", "Salman", "Haidar", "Majed", "Jawaad", "Karim", "Samir", "Layla"];
        for (var i = 0; i < namesakes.Length; i++)
        {
            people[10 + i] = P($"{10 + i}", namesakes[i], i % 2 == 0 ? "Al-Shammari" : "Alshammari", $"{1950 + i}-0{1 + (i % 9)}-1{i}");
        }

        var aliases = Enumerable.Range(0, 438).Select(i => i == 0
            ? P("2", "Aly", "AL-SHAMMARI", "1983-07-27")
            : P(people[i * 3].Id, Word(i * 3, 4), Word(i * 3, 2), $"{1940 + (i * 3 % 60)}-{1 + (i * 3 % 12):00}-{1 + (i * 3 % 28):00}"));
        var known = people.Concat(aliases).ToList();
        var row = new[] { P("row 2", "Ali", "Alshamari", "1983") };

        // The best of the person's records, as the import takes it.
        var pair = Linker.Link(row, known).Where(p => known[p.Right].Id == "2").MaxBy(p => p.Score);

        Assert.Equal(Linker.ContextFor(row, people).Model.PriorWeight, Linker.ContextFor(row, known).Model.PriorWeight);
        Assert.Equal(1_400, PersonRecord.PeopleIn(known));
        Assert.True(pair?.Score >= MatchModel.ReviewThreshold, $"score {pair?.Score}");
    }

    [Theory]
    [InlineData("A012345678", "012345678", ANumberLevel.Exact)]
    [InlineData("A012345678", "A012345679", ANumberLevel.OneTypo)]
    [InlineData("A012345678", "A012345687", ANumberLevel.OneTypo)]
    [InlineData("A012345678", "A098765432", ANumberLevel.Different)]
    [InlineData("A012345678", "", ANumberLevel.Missing)]
    public void ANumberLevelOf_Pairs_GiveLevel(string a, string b, ANumberLevel expected)
    {
        ANumber? x = a.Length == 0 ? null : ANumber.Parse(a);
        ANumber? y = b.Length == 0 ? null : ANumber.Parse(b);
        Assert.Equal(expected, MatchModel.ANumberLevelOf(x, y));
    }
}
