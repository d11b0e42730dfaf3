using System.Text.Json;
using Stayline.Cli;

namespace Stayline.Tests.Features.Deadlines;

public sealed class DeadlineCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("stayline-deadline-tests-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Deadline_RuleAndDate_PrintsDueDateFirstThenExplanationAndCitation()
    {
        var (code, output, error) = await Run("deadline", "mtr-ij", "2025-09-28");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var lines = output.Split('\n');
        Assert.Equal("2025-12-29", lines[0]);
        Assert.Contains("2025-12-27 is a Saturday; 2025-12-28 is a Sunday; next court day 2025-12-29.", lines[1], StringComparison.Ordinal);
        Assert.Contains("Citation: 8 CFR 1003.23(b)(1); INA 240(c)(7)(C)(i)", output, StringComparison.Ordinal);
        Assert.Contains("No time limit if: Changed country conditions (8 CFR 1003.23(b)(4)(i)).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_Json_PrintsDatesCitationAndExplanation()
    {
        var (code, output, _) = await Run("deadline", "pfr", "2026-06-03", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("pfr", root.GetProperty("rule").GetString());
        Assert.Equal("2026-06-03", root.GetProperty("trigger").GetString());
        Assert.Equal("2026-07-03", root.GetProperty("rawDue").GetString());
        Assert.Equal("2026-07-06", root.GetProperty("due").GetString());
        Assert.Equal("8 U.S.C. 1252(b)(1),(2); FRAP 26(a)", root.GetProperty("citation").GetString());
        Assert.Contains("Independence Day (observed)", root.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mtr")]
    [InlineData("MTR-IJ")]
    public async Task Deadline_UnknownRule_Exit1ListingValidRules(string rule)
    {
        var (code, output, error) = await Run("deadline", rule, "2025-09-28");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"Unknown rule \"{rule}\"", error, StringComparison.Ordinal);
        Assert.Contains("bia-appeal, reconsider-ij, reconsider-bia, mtr-ij, mtr-bia, mtr-in-absentia, pfr", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-02-30", "not a date in the form yyyy-MM-dd")]
    [InlineData("09/28/2025", "not a date in the form yyyy-MM-dd")]
    [InlineData("1979-12-31", "outside the supported range 1980-01-01 to 2100-12-31")]
    public async Task Deadline_BadDate_Exit1NamingValueAndFormat(string date, string message)
    {
        var (code, output, error) = await Run("deadline", "pfr", date);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains(date, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_NoArguments_Exit1WithUsage()
    {
        var (code, _, error) = await Run("deadline");

        Assert.Equal(1, code);
        Assert.Contains("Give RULE and TRIGGER_DATE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineCsv_ValidRows_WritesDueDatesAndQuotesCitationsWithCommas()
    {
        var file = Write("rule,trigger\nmtr-ij,2025-09-28\nbia-appeal,2025-11-24\npfr,2026-06-03\n");

        var (code, output, error) = await Run("deadline", "--csv", file);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(
            "rule,trigger,due,citation\n"
                + "mtr-ij,2025-09-28,2025-12-29,8 CFR 1003.23(b)(1); INA 240(c)(7)(C)(i)\n"
                + "bia-appeal,2025-11-24,2025-12-29,\"8 CFR 1003.38(b),(c)\"\n"
                + "pfr,2026-06-03,2026-07-06,\"8 U.S.C. 1252(b)(1),(2); FRAP 26(a)\"\n",
            output);
    }

    [Fact]
    public async Task DeadlineCsv_FourBondAndRecordsRules_CountedInBusinessOrCalendarDays()
    {
        var file = Write("rule,trigger\nfoia-response,2025-12-01\neoir43-notice,2025-08-29\neoir43-appeal,2025-12-19\nbond-appeal,2025-11-24\n");

        var (code, output, error) = await Run("deadline", "--csv", file);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(
            "rule,trigger,due,citation\n"
                + "foia-response,2025-12-01,2025-12-30,5 U.S.C. 552(a)(6)(A)(i)\n"
                + "eoir43-notice,2025-08-29,2025-09-02,8 CFR 1003.19(i)(2)\n"
                + "eoir43-appeal,2025-12-19,2026-01-06,8 CFR 1003.6(c)(1)\n"
                + "bond-appeal,2025-11-24,2025-12-29,\"8 CFR 1003.19(f); 1003.38(b),(c); 1236.1(d)(3)\"\n",
            output);
    }

    [Fact]
    public async Task Deadline_Eoir43NoticeFridayBeforeLaborDay_TuesdayWithHowClosuresCount()
    {
        var (code, output, error) = await Run("deadline", "eoir43-notice", "2025-08-29");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var lines = output.Split('\n');
        Assert.Equal("2025-09-02", lines[0]);
        Assert.Contains("2025-09-01 (Labor Day)", lines[1], StringComparison.Ordinal);
        Assert.Contains("closed only by executive order", lines[1], StringComparison.Ordinal);
        Assert.Contains("Citation: 8 CFR 1003.19(i)(2)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_FoiaResponseJson_GivesExtensionAndLongerReading()
    {
        var (code, output, _) = await Run("deadline", "foia-response", "2025-12-01", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2025-12-30", root.GetProperty("due").GetString());
        Assert.Equal("business-days", root.GetProperty("counting").GetString());
        Assert.Equal("2026-01-02", root.GetProperty("dueIfClosuresNotCounted").GetString());
        Assert.Equal("2026-01-14", root.GetProperty("dueWithExtension").GetString());
    }

    [Fact]
    public async Task DeadlineCsv_BomCrlfQuotesAndExtraColumns_Accepted()
    {
        var file = Write("\uFEFFrule,trigger,note\r\n\"mtr-ij\",2025-09-28,\"Yousif, \"\"Y.\"\"\"\r\n\r\nreconsider-bia,\"2024-02-29\"\r\n");

        var (code, output, error) = await Run("deadline", "--csv", file);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(
            "rule,trigger,due,citation\nmtr-ij,2025-09-28,2025-12-29,8 CFR 1003.23(b)(1); INA 240(c)(7)(C)(i)\n"
                + "reconsider-bia,2024-02-29,2024-04-01,8 CFR 1003.2(b)(2)\n",
            output);
    }

    [Fact]
    public async Task DeadlineCsv_BadRows_Exit1WritesNothingAndListsEveryBadRow()
    {
        var file = Write("rule,trigger\npfr,2025-01-02\nmtr,2025-01-02\npfr,2025-01-03\npfr,2025-02-30\npfr\nmtr-ij,2025-09-28\n");

        var (code, output, error) = await Run("deadline", "--csv", file);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("line 3: unknown rule \"mtr\"", error, StringComparison.Ordinal);
        Assert.Contains("line 5: trigger date \"2025-02-30\" is not a date in the form yyyy-MM-dd", error, StringComparison.Ordinal);
        Assert.Contains("line 6: expected 2 fields (rule,trigger), found 1: \"pfr\"", error, StringComparison.Ordinal);
        Assert.Contains("3 errors; nothing was written", error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineCsv_QuotedLineBreak_LaterLinesNumberedFromTheFile()
    {
        var file = Write("rule,trigger\n\"pf\nr\",2025-01-02\nbad,2025-01-02\n");

        var (code, _, error) = await Run("deadline", "--csv", file);

        Assert.Equal(1, code);
        Assert.Contains("line 2: unknown rule \"pf\nr\"", error, StringComparison.Ordinal);
        Assert.Contains("line 4: unknown rule \"bad\"", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("rule;trigger\npfr;2025-01-02\n", "line 1: expected the header \"rule,trigger\", found \"rule;trigger\"")]
    [InlineData("trigger,rule\n", "line 1: expected the header \"rule,trigger\"")]
    [InlineData("rule,trigger\n\"pfr,2025-01-02\n", "line 2: A quote opened in column 1 (\"rule\") is never closed")]
    public async Task DeadlineCsv_BadFile_Exit1Explaining(string content, string message)
    {
        var (code, output, error) = await Run("deadline", "--csv", Write(content));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rule,trigger")]
    [InlineData("rule,trigger\r\n")]
    public async Task DeadlineCsv_HeaderOnly_WritesHeaderOnly(string content)
    {
        var (code, output, error) = await Run("deadline", "--csv", Write(content));

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal("rule,trigger,due,citation\n", output);
    }

    [Fact]
    public async Task DeadlineCsv_MissingFile_Exit1NamingPath()
    {
        var path = Path.Combine(directory, "missing.csv");

        var (code, output, error) = await Run("deadline", "--csv", path);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"Cannot read \"{path}\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineCsv_WithRuleArgument_Exit1()
    {
        var (code, _, error) = await Run("deadline", "pfr", "--csv", Write("rule,trigger\n"));

        Assert.Equal(1, code);
        Assert.Contains("--csv takes only a file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_2026_ListsObservedIndependenceDayAndNoClosures()
    {
        var (code, output, error) = await Run("calendar", "2026");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("2026-07-03  Fri  2026-07-04  Independence Day (observed)\n", output, StringComparison.Ordinal);
        Assert.Contains("2026-06-19  Fri  2026-06-19  Juneteenth National Independence Day\n", output, StringComparison.Ordinal);
        Assert.Equal(11, output.Split('\n').Count(l => l.StartsWith("2026-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Calendar_2025_ListsExecutiveOrderClosures()
    {
        var (code, output, _) = await Run("calendar", "2025");

        Assert.Equal(0, code);
        Assert.Contains("2025-01-09  Thu  -           National day of mourning for President Jimmy Carter", output, StringComparison.Ordinal);
        Assert.Contains("2025-12-26  Fri  -           Day after Christmas, closed by executive order", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_2025_InaugurationDayMarkedBoardOnly()
    {
        var (code, output, _) = await Run("calendar", "2025");

        Assert.Equal(0, code);
        // 2025-01-20 is both Martin Luther King Day (everyone) and Inauguration Day (the Board, 5 U.S.C. 6103(c)).
        Assert.Contains("2025-01-20  Mon  2025-01-20  Birthday of Martin Luther King, Jr.\n", output, StringComparison.Ordinal);
        Assert.Contains("2025-01-20  Mon  2025-01-20  Inauguration Day (Board of Immigration Appeals filings only, 5 U.S.C. 6103(c))\n", output, StringComparison.Ordinal);
    }

    [Theory]
    // 2016-12-21 + 30 = Fri 2017-01-20, Inauguration Day: closed for the Board only.
    [InlineData("bia-appeal", "2017-01-23", "2017-01-20 is Inauguration Day")]
    [InlineData("reconsider-ij", "2017-01-20", "a court day")]
    public async Task Deadline_OnInaugurationDay_MovesOnlyBoardFilings(string rule, string due, string why)
    {
        var (code, output, _) = await Run("deadline", rule, "2016-12-21");

        Assert.Equal(0, code);
        Assert.StartsWith(due + "\n", output, StringComparison.Ordinal);
        Assert.Contains(why, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1979")]
    [InlineData("2101")]
    [InlineData("twenty")]
    public async Task Calendar_BadYear_Exit1(string year)
    {
        var (code, output, error) = await Run("calendar", year);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"Bad year \"{year}\": expected a year from 1980 to 2100", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = await StaylineCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string content)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
