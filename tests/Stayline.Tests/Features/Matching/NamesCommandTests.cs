using System.Globalization;
using Stayline.Cli;

namespace Stayline.Tests.Features.Matching;

public sealed class NamesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stayline-names-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await StaylineCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("Yusuf Al Jaburi", "Yousif Aljabouri", true)]
    [InlineData("Salman bin Muhammad", "Muhammad bin Salman", false)]
    public async Task Compare_TwoNames_PrintsSimilarity(string a, string b, bool high)
    {
        var (exit, stdout, _) = await Run("names", "compare", a, b);

        Assert.Equal(0, exit);
        var score = double.Parse(stdout.Trim(), CultureInfo.InvariantCulture);
        Assert.InRange(score, 0, 1);
        Assert.Equal(high, score >= 0.85);
    }

    [Fact]
    public async Task Compare_Csv_WritesScoreAndIsMatch()
    {
        var input = Path.Combine(_dir, "names.csv");
        File.WriteAllText(input, "case,name1,name2\n1,Mohammed Kassab,Muhammad Kassab\n2,\"KASSAB, Yousif\",Rami Kassab\n");

        var (exit, stdout, _) = await Run("names", "compare", "--csv", input);

        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("name1,name2,score,is_match", lines[0]);
        Assert.Matches(@"^Mohammed Kassab,Muhammad Kassab,0\.\d{4},true$", lines[1]);
        Assert.Matches(@"^""KASSAB, Yousif"",Rami Kassab,0\.\d{4},false$", lines[2]);
    }

    [Fact]
    public async Task Compare_CsvWithoutName2_Explains()
    {
        var input = Path.Combine(_dir, "names.csv");
        File.WriteAllText(input, "name1,other\nAli,Hakim\n");

        var (exit, stdout, stderr) = await Run("names", "compare", "--csv", input);

        Assert.Equal((1, ""), (exit, stdout));
        Assert.Contains("missing column \"name2\"", stderr);
    }

    [Fact]
    public async Task Compare_NoNames_Explains()
    {
        var (exit, _, stderr) = await Run("names", "compare", "Ali");

        Assert.Equal(1, exit);
        Assert.Contains("give two names", stderr);
    }
}
