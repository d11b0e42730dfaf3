using Stayline.Cli;

namespace Stayline.Tests.Features.Matching;

public sealed class MatchCommandTests : IDisposable
{
    private const string Header = "id,given_name,family_name,dob,a_number,country";
    private readonly string _dir = Directory.CreateTempSubdirectory("stayline-match-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await StaylineCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Match_OneFile_WritesDuplicatePairs()
    {
        var input = File(
            "people.csv",
            Header + ",notes",
            "1,Yousif Hanna,Kassab,1975-03-24,A012-345-678,Iraq,first list",
            "2,Rami Hanna,Kassab,1978-10-02,,Iraq,brother",
            "3,YOUSEF,KASSAB,24/03/1975,12345678,IRAQ,",
            "4,Fatima,Al-Zahra,1990-06-01,,Iraq,");
        var output = Path.Combine(_dir, "pairs.csv");

        var (exit, stdout, stderr) = await Run("match", input, "--out", output);

        Assert.Equal((0, ""), (exit, stderr));
        Assert.Contains("1 pairs", stdout);
        var lines = System.IO.File.ReadAllLines(output);
        Assert.Equal("left_id,right_id,score", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("1,3,", lines[1]);
        Assert.True(double.Parse(lines[1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture) >= 0.9);
    }

    [Fact]
    public async Task Match_TwoFiles_LinksLeftToRight()
    {
        var left = File("left.csv", Header, "L1,Mohammed,Al-Rubaie,1980-07-07,,Iraq", "L2,Yousif,Kassab,1975-03-24,,Iraq");
        var right = File("right.csv", Header, "R1,Yusuf,Kassab,03/24/1975,,Iraq", "R2,Ali,Hakim,1960-02-02,,Iraq", "R3,Mhd,Rubaie,07/07/1980,,Iraq");
        var output = Path.Combine(_dir, "pairs.csv");

        var (exit, _, _) = await Run("match", left, right, "--out", output);

        Assert.Equal(0, exit);
        var ids = System.IO.File.ReadAllLines(output).Skip(1).Select(l => string.Join(",", l.Split(',').Take(2)));
        Assert.Equal(["L1,R3", "L2,R1"], ids);
    }

    [Fact]
    public async Task Match_TwoFilesNamesakes_ReviewUnlessMany()
    {
        // Two Daoud Qitaajar born in 1991 on the government list, one with a 1 January date on the hotline sheet.
        var left = File("gov.csv", Header, "G1,Daoud,Qitaajar,1991-11-02,,Iraq", "G2,Daoud,Qitaajar,1991-07-03,,Iraq");
        var right = File("hotline.csv", Header, "H1,Daoud,Al-Qitaajar,1991-01-01,,");
        var output = Path.Combine(_dir, "pairs.csv");

        var (exit, _, _) = await Run("match", left, right, "--out", output, "--threshold", "0.3", "--explain");
        var one = System.IO.File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[3]).ToList();
        await Run("match", left, right, "--out", output, "--threshold", "0.3", "--explain", "--many");
        var many = System.IO.File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[3]).ToList();

        Assert.Equal(0, exit);
        Assert.Equal(["NeedsReview", "NeedsReview"], one);
        Assert.Equal(["SamePerson", "SamePerson"], many);
    }

    [Fact]
    public async Task Match_Why_ExplainsAnyTwoRecords()
    {
        var left = File("gov.csv", Header, "G1,Riyadh,Hamama,1971-05-12,,Iraq");
        var right = File("hotline.csv", Header, "H1,Riad Yousif,Hamamah,1971-05-12,,", "H2,Rami Yousif,Hamama,1971-05-12,,");

        var linked = await Run("match", left, right, "--why", "G1,H1");
        var notLinked = await Run("match", left, right, "--why", "G1,H2");
        var unknown = await Run("match", left, right, "--why", "G1,H9");

        Assert.Equal(0, linked.Exit);
        Assert.Contains("SamePerson", linked.Out);
        Assert.Contains("Different", notLinked.Out);
        Assert.Matches(@"name\s+Conflicting\s+-", notLinked.Out);
        Assert.Matches(@"birth date\s+Exact\s+\+", notLinked.Out);
        Assert.Equal((1, "--why \"G1,H9\": no record with id \"H9\" in the right file."), (unknown.Exit, unknown.Err.Trim()));
    }

    [Fact]
    public async Task Match_Why_TwoLists_ShowsTheOneToOneScoreAndTheRivals()
    {
        // Two namesakes on the government list, one hotline row with a 1 January date: each pair alone would be
        // linked, the run sends both to review; --why says so and names the rival.
        var left = File("gov.csv", Header, "G1,Daoud,Qitaajar,1991-11-02,,Iraq", "G2,Daoud,Qitaajar,1991-07-03,,Iraq");
        var right = File("hotline.csv", Header, "H1,Daoud,Al-Qitaajar,1991-01-01,,");

        var one = await Run("match", left, right, "--why", "G1,H1");
        var many = await Run("match", left, right, "--why", "G1,H1", "--many");

        Assert.Equal(0, one.Exit);
        Assert.Matches(@"one to one .*: score 0\.\d+: NeedsReview \(the score the run writes\)", one.Out);
        Assert.Matches(@"1 other candidate\(s\) of these records took a share: G2,H1 0\.\d+", one.Out);
        Assert.DoesNotContain("one to one", many.Out);
    }

    [Fact]
    public async Task Match_Explain_AddsEvidenceColumns()
    {
        var input = File("people.csv", Header, "1,Yousif,Kassab,1975-03-12,A012345678,Iraq", "2,Yusuf,Kassab,1975-12-03,A012345678,");
        var output = Path.Combine(_dir, "pairs.csv");

        var (exit, _, _) = await Run("match", input, "--out", output, "--explain", "--threshold", "0.5");

        Assert.Equal(0, exit);
        var lines = System.IO.File.ReadAllLines(output);
        var header = lines[0].Split(',');
        Assert.Equal(["left_id", "right_id", "score", "decision", "name_level"], header.Take(5));
        var row = lines[1].Split(',');
        Assert.Equal("SamePerson", row[Array.IndexOf(header, "decision")]);
        Assert.Equal("DayMonthSwapped", row[Array.IndexOf(header, "dob_level")]);
        Assert.Equal("Exact", row[Array.IndexOf(header, "a_number_level")]);
        Assert.Equal("Missing", row[Array.IndexOf(header, "country_level")]);
    }

    [Theory]
    [InlineData("empty", "the file is empty")]
    [InlineData("header only", "header but no rows")]
    [InlineData("missing column", "missing column \"dob\"")]
    [InlineData("stray quote", "line 3: Stray quote in column 2 (\"given_name\"): \"You\"sif\"")]
    [InlineData("unclosed quote", "line 2: A quote opened in column 3 (\"family_name\") is never closed")]
    [InlineData("bad date", "line 2, column \"dob\": Birth date \"1975-02-30\" is not a calendar date")]
    [InlineData("bad a-number", "line 3, column \"a_number\": A-number \"A12\" has 2 digits")]
    [InlineData("empty id", "line 2, column \"id\": empty")]
    public async Task Match_BadFile_ExplainsAndWritesNothing(string problem, string message)
    {
        string[] lines = problem switch
        {
            "empty" => [],
            "header only" => [Header],
            "missing column" => ["id,given_name,family_name,a_number,country", "1,Ali,Hakim,,Iraq"],
            "stray quote" => [Header, "1,Ali,Hakim,,,Iraq", "2,You\"sif,Kassab,,,Iraq"],
            "unclosed quote" => [Header, "1,Ali,\"Hakim,,,Iraq", "2,Yousif,Kassab,,,Iraq"],
            "bad date" => [Header, "1,Ali,Hakim,1975-02-30,,Iraq"],
            "bad a-number" => [Header, "1,Ali,Hakim,,,Iraq", "2,Yousif,Kassab,,A12,Iraq"],
            _ => [Header, ",Ali,Hakim,,,Iraq"],
        };
        var input = Path.Combine(_dir, "bad.csv");
        System.IO.File.WriteAllText(input, lines.Length == 0 ? "" : string.Join("\n", lines) + "\n");
        var output = Path.Combine(_dir, "pairs.csv");

        var (exit, _, stderr) = await Run("match", input, "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains(message, stderr);
        Assert.False(System.IO.File.Exists(output));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public async Task Match_MissingFile_ExplainsAndWritesNothing()
    {
        var output = Path.Combine(_dir, "pairs.csv");

        var (exit, _, stderr) = await Run("match", Path.Combine(_dir, "nope.csv"), "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains("nope.csv: file not found", stderr);
        Assert.False(System.IO.File.Exists(output));
    }

    [Fact]
    public async Task Match_BadThreshold_Rejected()
    {
        var input = File("people.csv", Header, "1,Ali,Hakim,,,Iraq");

        var (exit, _, stderr) = await Run("match", input, "--out", Path.Combine(_dir, "pairs.csv"), "--threshold", "1.5");

        Assert.Equal(1, exit);
        Assert.Contains("--threshold 1.5", stderr);
    }

    [Fact]
    public async Task Match_ExistingOutputAndBadInput_LeavesOldOutputAlone()
    {
        var output = File("pairs.csv", "left_id,right_id,score", "a,b,1.0000");
        var input = File("bad.csv", Header, "1,You\"sif,Kassab,,,Iraq");

        var (exit, _, _) = await Run("match", input, "--out", output);

        Assert.Equal(1, exit);
        Assert.Equal(["left_id,right_id,score", "a,b,1.0000"], System.IO.File.ReadAllLines(output));
    }

    [Fact]
    public async Task Match_SplinkStyleHeaderWithCityAndEmail_UsesThem()
    {
        // fake_1000's header: unique_id, first_name, surname, dob, city, email (no A-number, no country); cluster is ignored.
        var input = File(
            "fake.csv",
            "unique_id,first_name,surname,dob,city,email,cluster",
            "0,Robert,Alan,1971-06-24,,robert255@smith.net,0",
            "1,Robert,Allen,1971-05-24,London,roberta25@smith.net,0",
            "2,Rob,Allen,1971-06-24,London,roberta25@smith.net,0",
            "3,Robert,Allen,1984-11-02,Leeds,rallen@acme.org,1");
        var output = Path.Combine(_dir, "pairs.csv");

        var (exit, _, stderr) = await Run("match", input, "--out", output, "--explain");

        Assert.Equal((0, ""), (exit, stderr));
        var lines = System.IO.File.ReadAllLines(output);
        var header = lines[0].Split(',');
        var ids = lines.Skip(1).Select(l => string.Join(",", l.Split(',').Take(2))).ToList();
        Assert.Contains("1,2", ids);
        Assert.DoesNotContain(ids, i => i.Contains('3', StringComparison.Ordinal));
        var row = lines.Skip(1).First(l => l.StartsWith("1,2,", StringComparison.Ordinal));
        Assert.Contains("email Exact", row);
        Assert.Contains("city Exact", row);
        Assert.Equal("other_fields", header[^2]);
    }

    [Fact]
    public async Task Match_HeaderNamesInAnyCaseWithVariants_Accepted()
    {
        var input = File(
            "sheet.csv",
            "Record ID,Given Name,SURNAME,Date of Birth,Father's Name,Mother Name,Phone Number",
            "h1,Yousif,Kassab,1975-03-24,Hanna,Warda,+1 586 555 0142",
            "h2,Rami,Kassab,1978-10-02,Hanna,Warda,",
            "h3,Yousef,Kassab,24/03/1975,Hana,,586-555-0142");
        var output = Path.Combine(_dir, "pairs.csv");

        var (exit, _, stderr) = await Run("match", input, "--out", output, "--explain");

        Assert.Equal((0, ""), (exit, stderr));
        var lines = System.IO.File.ReadAllLines(output);
        var pair = Assert.Single(lines.Skip(1));
        Assert.StartsWith("h1,h3,", pair);
        Assert.Contains("phone Exact", pair);
        Assert.Contains("father", pair);
    }

    [Fact]
    public async Task Match_OneFileChain_WritesImpliedPairAndClusterIds()
    {
        // 1-2 agree; 2-3 share the e-mail and the name, not the date; 1-3 alone have only the name: implied by the cluster.
        var input = File(
            "people.csv",
            "id,given_name,family_name,dob,email",
            "1,Yousif Hanna,Kassab,1975-03-24,",
            "2,Yousif,Kassab,1975-03-24,y.kassab@example.org",
            "3,Yousef,Kassab,1962-11-09,y.kassab@example.org",
            "4,Rami,Kassab,1978-10-02,");
        var output = Path.Combine(_dir, "pairs.csv");
        var clusters = Path.Combine(_dir, "clusters.csv");

        var (exit, stdout, stderr) = await Run("match", input, "--out", output, "--clusters", clusters, "--explain");

        Assert.Equal((0, ""), (exit, stderr));
        var rows = System.IO.File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["1,2", "1,3", "2,3"], rows.Select(r => $"{r[0]},{r[1]}"));
        Assert.Equal("yes", rows.Single(r => r[0] == "1" && r[1] == "3")[^1]);
        Assert.Equal(["id,cluster_id", "1,1", "2,1", "3,1", "4,4"], System.IO.File.ReadAllLines(clusters));
        Assert.Contains("2 people", stdout);
    }

    [Fact]
    public async Task Match_ClustersWithTwoFiles_Rejected()
    {
        var a = File("a.csv", Header, "1,Ali,Hakim,,,Iraq");

        var (exit, _, stderr) = await Run("match", a, a, "--out", Path.Combine(_dir, "pairs.csv"), "--clusters", Path.Combine(_dir, "c.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("--clusters is for one file", stderr);
    }

    [Fact]
    public async Task Match_OverlongField_RefusedNamingRowAndColumn()
    {
        var input = File("people.csv", Header + ",city", "1,Ali,Hakim,,,Iraq,Baghdad", "2,Ali,Hakim,,,Iraq," + new string('x', 5000));
        var output = Path.Combine(_dir, "pairs.csv");

        var (exit, _, stderr) = await Run("match", input, "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains("line 3, column \"city\": 5000 characters; at most 1000", stderr);
        Assert.False(System.IO.File.Exists(output));
    }
}
