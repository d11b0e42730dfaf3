using Stayline.Domain.Matching;

namespace Stayline.Domain.Tests.Matching;

/// <summary>Issue 13 items 3 and 4: optional columns, learned m, one-file clusters.</summary>
public class ExtrasLearningClustersTests
{
    private static BirthDate D(string s)
    {
        Assert.True(BirthDate.TryParse(s, out var d, out _));
        return d;
    }

    private static PersonRecord P(string id, string given, string family, string dob, PersonExtras? extras = null) =>
        new(id, given, family, D(dob), null, "Iraq") { Extras = extras };

    [Theory]
    [InlineData(ExtraField.Email, "robert255@smith.net", "robert255@smith.net", ExtraLevel.Exact)]
    [InlineData(ExtraField.Email, "robert255@smith.net", "roberta25@smith.net", ExtraLevel.Close)]
    [InlineData(ExtraField.Email, "ROBERT255@smith.net ", "robert255@gmail.com", ExtraLevel.Close)]
    [InlineData(ExtraField.Email, "robert255@smith.net", "grace.k@smith.net", ExtraLevel.Different)]
    [InlineData(ExtraField.Email, "not an address", "robert255@smith.net", ExtraLevel.Missing)]
    [InlineData(ExtraField.Phone, "+964 770 123 4567", "0770-123-4567", ExtraLevel.Exact)]
    [InlineData(ExtraField.Phone, "٠٧٧٠١٢٣٤٥٦٧", "07701234567", ExtraLevel.Exact)]
    [InlineData(ExtraField.Phone, "07701234567", "07701234568", ExtraLevel.Close)]
    [InlineData(ExtraField.Phone, "07701234567", "07809876543", ExtraLevel.Different)]
    [InlineData(ExtraField.City, "Baghdad", "BAGHDAD", ExtraLevel.Exact)]
    [InlineData(ExtraField.City, "Baghdad", "Bagdad", ExtraLevel.Exact)] // one word in two transliterations
    [InlineData(ExtraField.City, "Dearborn", "Dearbron", ExtraLevel.Close)]
    [InlineData(ExtraField.City, "Baghdad", "Basra", ExtraLevel.Different)]
    [InlineData(ExtraField.City, "", "Basra", ExtraLevel.Missing)]
    [InlineData(ExtraField.BirthPlace, "Telkaif", "Tel Kaif", ExtraLevel.Exact)]
    [InlineData(ExtraField.FatherName, "Yousif", "Yousef", ExtraLevel.Close)]
    [InlineData(ExtraField.FatherName, "Gorgis", "Jirjis", ExtraLevel.Close)]
    [InlineData(ExtraField.FatherName, "Yousif", "Hanna", ExtraLevel.Different)]
    [InlineData(ExtraField.MotherName, "Warda Hanna", "Warda", ExtraLevel.Exact)]
    public void Compare_ExtraFields_GiveLevel(ExtraField field, string a, string b, ExtraLevel expected)
    {
        PersonExtras X(string v) => field switch
        {
            ExtraField.City => new(city: v),
            ExtraField.Email => new(email: v),
            ExtraField.Phone => new(phone: v),
            ExtraField.BirthPlace => new(birthPlace: v),
            ExtraField.FatherName => new(fatherName: v),
            _ => new(motherName: v),
        };

        Assert.Equal(expected, PersonExtras.Compare(field, X(a), X(b)));
    }

    [Fact]
    public void Score_ExtrasAgree_LinkWhatNameAndDateAloneCannot()
    {
        // fake_1000's first cluster: a nickname and a month typed wrong; the e-mail address and city say it is one person.
        var a = P("0", "Robert", "Allen", "1971-05-24", new PersonExtras(city: "London", email: "robert255@smith.net"));
        var b = P("1", "Rob", "Allen", "1971-06-24", new PersonExtras(city: "London", email: "roberta25@smith.net"));
        var bare = Linker.Score(P("0", "Robert", "Allen", "1971-05-24"), P("1", "Rob", "Allen", "1971-06-24"));
        var withExtras = Linker.Score(a, b);
        Assert.NotEqual(MatchDecision.SamePerson, bare.Decision);
        Assert.Equal(MatchDecision.SamePerson, withExtras.Decision);
        Assert.Equal(ExtraLevel.Close, withExtras.Evidence.Extra(ExtraField.Email));
        Assert.True(withExtras.Evidence.ExtraWeight > 0);
    }

    [Fact]
    public void Score_BrothersSharingFatherMotherAndCity_NotSamePerson()
    {
        var extras = new PersonExtras(city: "Sterling Heights", fatherName: "Hanna Yousif", motherName: "Warda", birthPlace: "Telkaif");
        var a = P("1", "Yousif Hanna", "Kassab", "1975-03-24", extras);
        var b = P("2", "Rami Hanna", "Kassab", "1978-10-02", extras);
        var pair = Linker.Score(a, b);
        Assert.Equal(MatchDecision.Different, pair.Decision);
        Assert.Equal(ExtraLevel.Exact, pair.Evidence.Extra(ExtraField.FatherName));
    }

    [Fact]
    public void Score_NamesakesWithDifferentDatesAndFathers_NotSamePerson()
    {
        var a = P("1", "Ali", "Hamama", "1960-04-06", new PersonExtras(city: "Detroit", fatherName: "Yousif"));
        var b = P("2", "Ali", "Hamama", "1983-11-19", new PersonExtras(city: "Detroit", fatherName: "Hanna"));
        Assert.Equal(MatchDecision.Different, Linker.Score(a, b).Decision);
    }

    [Fact]
    public void Score_FatherAndSonWrittenWithBinAndAFatherColumn_NotSamePerson()
    {
        // "Salman bin Muhammad" and "Muhammad bin Salman": the same words in the other order are father and son.
        var a = P("1", "Salman bin Muhammad", "Al-Saud", "1960-05-05", new PersonExtras(fatherName: "Muhammad"));
        var b = P("2", "Muhammad bin Salman", "Al-Saud", "1985-08-31", new PersonExtras(fatherName: "Salman"));
        Assert.Equal(MatchDecision.Different, Linker.Score(a, b).Decision);
    }

    [Fact]
    public void Score_FatherColumnAgreesWithFathersNameInChain_SamePerson()
    {
        var a = P("1", "Riyadh Yousif", "Hamama", "1971-06-12", new PersonExtras(fatherName: "Yousif", phone: "+1 586 555 0142"));
        var b = P("2", "Riad", "Hamamah", "1971-06-12", new PersonExtras(fatherName: "Yousef", phone: "586-555-0142"));
        Assert.Equal(MatchDecision.SamePerson, Linker.Score(a, b).Decision);
    }

    [Fact]
    public void Link_NoNameInCommon_BlocksTogetherByEmail()
    {
        var left = new List<PersonRecord> { P("L1", "", "Dean", "2015-03-03", new PersonExtras(email: "evie.dean@example.org")) };
        var right = new List<PersonRecord>
        {
            P("R1", "Evie", "", "2015-03-04", new PersonExtras(email: "evie.dean@example.org")),
            P("R2", "Noah", "Smith", "1990-01-02", new PersonExtras(email: "noah@example.org")),
        };
        var pairs = Linker.Link(left, right, new LinkerOptions { MinScore = 0.01 });
        Assert.Contains(pairs, p => p.Left == 0 && p.Right == 0);
    }

    // 240 people, each written twice; in the noisy list one copy in two has its birth date re-typed in all three
    // parts, and every person shares a city and an e-mail provider with others.
    private static List<PersonRecord> Copies(bool noisyDates)
    {
        var given = new[] { "Yousif", "Ali", "Mohammed", "Hanna", "Gorgis", "Sami", "Faisal", "Nabil", "Rami", "Zaid", "Omar", "Karim" };
        var family = new[] { "Kassab", "Hamama", "Yono", "Kallabat", "Jaburi", "Rubaie", "Saffar", "Tikriti", "Bazzi", "Shamoun" };
        var cities = new[] { "Detroit", "Sterling Heights", "Warren", "Dearborn", "El Cajon", "Troy" };
        var rows = new List<PersonRecord>();
        for (var i = 0; i < 240; i++)
        {
            var g = given[i % given.Length];
            var f = family[(i / given.Length) % family.Length] + (i >= 120 ? "i" : string.Empty);
            var year = 1950 + ((i * 7) % 50);
            var (month, day) = (1 + ((i * 5) % 12), 1 + ((i * 11) % 28));
            var extras = new PersonExtras(city: cities[i % cities.Length], email: $"p{(i * 7919) % 100_003:D6}@mail.example");
            rows.Add(new PersonRecord($"a{i}", g, f, BirthDate.Exact(year, month, day), null, null) { Extras = extras });
            var copyDate = noisyDates && i % 2 == 0
                ? BirthDate.Exact(year + 3, 1 + ((month + 5) % 12), 1 + ((day + 9) % 28))
                : BirthDate.Exact(year, month, day);
            rows.Add(new PersonRecord($"b{i}", g, f, copyDate, null, null) { Extras = extras });
        }

        return rows;
    }

    [Fact]
    public void Learn_ListWhoseCopiesMistypeDates_LearnsThatDifferentDatesAreWeakEvidence()
    {
        var noisy = Linker.ContextFor(Copies(noisyDates: true), null).Model;
        var clean = Linker.ContextFor(Copies(noisyDates: false), null).Model;
        var different = (int)BirthDateLevel.Different;
        Assert.True(noisy.Iterations > 0, "m not learned");
        Assert.True(noisy.M(ModelField.BirthDate)[different] > 0.2, $"noisy m(different) {noisy.M(ModelField.BirthDate)[different]}");
        Assert.True(clean.M(ModelField.BirthDate)[different] < 0.1, $"clean m(different) {clean.M(ModelField.BirthDate)[different]}");

        // Not a veto: the learned weight lets the other fields decide.
        Assert.True(noisy.DateWeight(BirthDateLevel.Different) > clean.DateWeight(BirthDateLevel.Different) + 2);
    }

    [Fact]
    public void Deduplicate_LearnedModel_FindsCopiesWithRetypedDatesAndKeepsNamesakesApart()
    {
        var rows = Copies(noisyDates: true);
        var pairs = Linker.Deduplicate(rows, new LinkerOptions { MinScore = MatchModel.SameThreshold });
        var truePairs = pairs.Count(p => rows[p.Left].Id[1..] == rows[p.Right].Id[1..]);
        var wrong = pairs.FirstOrDefault(p => rows[p.Left].Id[1..] != rows[p.Right].Id[1..]);
        Assert.True(wrong is null, wrong is null ? null : $"{rows[wrong.Left].GivenName} {rows[wrong.Left].FamilyName} {rows[wrong.Left].BirthDate} | {rows[wrong.Right].GivenName} {rows[wrong.Right].FamilyName} {rows[wrong.Right].BirthDate} {wrong.Score} {wrong.Evidence}");
        Assert.True(truePairs >= 230, $"found {truePairs} of 240");
    }

    [Fact]
    public void Learn_CandidatesSharingADateByChance_NeverMakeAConflictingNameEvidenceForAMatch()
    {
        // No one is on this list twice, but many share a birth date and a common given name (a large file's
        // given name + date blocks): whatever EM makes of them, a conflicting name must not count for a match.
        string[] given = ["Mohammed", "Ali", "Yousif"];
        var rows = new List<PersonRecord>();
        for (var i = 0; i < 900; i++)
        {
            var family = string.Concat("Q", ((char)('a' + (i % 26))).ToString(), ((char)('a' + (i / 26 % 26))).ToString(), "tar");
            rows.Add(P(i.ToString(System.Globalization.CultureInfo.InvariantCulture), given[i % 3], family, $"19{60 + (i % 10)}-0{1 + (i % 5)}-1{i % 7}"));
        }

        var model = Linker.ContextFor(rows, null).Model;
        foreach (var level in new[] { NameLevel.Conflicting, NameLevel.Different })
        {
            Assert.True(
                model.M(ModelField.Name)[(int)level] <= model.NameUProbabilities[(int)level],
                $"{level}: m {model.M(ModelField.Name)[(int)level]:0.000} > u {model.NameUProbabilities[(int)level]:0.000} (iterations {model.Iterations})");
        }
    }

    [Fact]
    public void Learn_FewCandidates_KeepsReasonedM()
    {
        var rows = new List<PersonRecord> { P("1", "Ali", "Hamama", "1960-04-06"), P("2", "Ali", "Hamama", "1960-04-06") };
        var model = Linker.ContextFor(rows, null).Model;
        Assert.Equal(0, model.Iterations);
        Assert.Equal(MatchModel.Default.M(ModelField.BirthDate), model.M(ModelField.BirthDate));
    }

    private static MatchPair Edge(int a, int b, double score) =>
        new(a, b, score, MatchModel.Decide(score), Linker.Score(P("x", "A", "B", ""), P("y", "A", "B", "")).Evidence);

    [Fact]
    public void Build_Chain_WritesImpliedPair()
    {
        // 0-1 and 1-2 are strong; 0 and 2 alone are only worth a review: the cluster implies them.
        var result = Clusters.Build(4, [Edge(0, 1, 0.97), Edge(1, 2, 0.95)], 0.9, (x, y) => 0.6);
        Assert.Equal([0, 0, 0, 3], result.ClusterOf);
        var implied = Assert.Single(result.Implied);
        Assert.Equal((0, 2, 0.95, 0.6), (implied.Left, implied.Right, implied.Score, implied.DirectScore));
    }

    [Fact]
    public void Build_ChainThroughVagueRecord_RefusesToJoinClearlyDifferentPeople()
    {
        // "Y. Kassab" (1) looks like Yousif (0) and like his brother Rami (2), who are clearly two people.
        var result = Clusters.Build(3, [Edge(0, 1, 0.95), Edge(1, 2, 0.93)], 0.9, (x, y) => 0.001);
        Assert.Equal(0, result.ClusterOf[1]);
        Assert.Equal(2, result.ClusterOf[2]);
        Assert.Empty(result.Implied);
        Assert.Equal(1, result.RefusedLinks);
    }

    [Fact]
    public void Build_OversizeComponent_StopsAtLimit()
    {
        var edges = Enumerable.Range(0, 80).Select(i => Edge(i, i + 1, 0.95)).ToList();
        var result = Clusters.Build(81, edges, 0.9, (x, y) => 0.95);
        Assert.True(result.ClusterOf.GroupBy(c => c).Max(g => g.Count()) <= Clusters.MaxClusterSize);
    }
}
