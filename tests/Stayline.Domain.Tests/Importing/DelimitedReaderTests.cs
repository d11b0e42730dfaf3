using Stayline.Domain.Importing;

namespace Stayline.Domain.Tests.Importing;

public class DelimitedReaderTests
{
    [Theory]
    [InlineData("a,b,c", ',')]
    [InlineData("a;b;c", ';')]
    [InlineData("a\tb\tc", '\t')]
    [InlineData("a|b|c", '|')]
    [InlineData("\"Last, name\";First;DOB", ';')]
    [InlineData("Name", ',')]
    public void DetectDelimiter_HeaderLine_PicksTheMostUsedOutsideQuotes(string header, char expected) =>
        Assert.Equal(expected, DelimitedReader.DetectDelimiter(header));

    [Theory]
    [InlineData("h1,h2\nx,y\n", new[] { "x", "y" }, null)]
    [InlineData("h1,h2\r\n\"x, \"\"q\"\"\",\"multi\nline\"\r\n", new[] { "x, \"q\"", "multi\nline" }, null)]
    [InlineData("h1,h2\nx,\n", new[] { "x", "" }, null)]
    [InlineData("h1,h2\nx,y", new[] { "x", "y" }, null)]
    [InlineData("h1,h2\nab\"c,d\n", new string[0], "Stray quote in column 1 after \"ab\"")]
    [InlineData("h1,h2\n\"ab\"c,d\n", new[] { "ab" }, "Text follows the closing quote of column 1")]
    [InlineData("h1,h2\n\"abc,d\n", new[] { "abc,d\n" }, "never closed")]
    public void Read_Record_GivesFieldsOrTheRowsError(string text, string[] fields, string? error)
    {
        var reader = new DelimitedReader(new StringReader(text));
        Assert.Equal(["h1", "h2"], reader.ReadHeader(out var headerError)!);
        Assert.Null(headerError);

        Assert.True(reader.Read(out var got, out var problem));

        Assert.Equal(fields, got);
        if (error is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(error, problem);
        }

        Assert.Equal(2, reader.Row);
    }

    [Fact]
    public void Read_AfterABadRow_ContinuesWithTheNextLineAndCountsRows()
    {
        var reader = new DelimitedReader(new StringReader("h\n\nok1\nb\"ad\n\nok2\n"));
        reader.ReadHeader(out _);
        var rows = new List<(int Row, string? Error)>();
        while (reader.Read(out _, out var error))
        {
            rows.Add((reader.Row, error));
        }

        Assert.Equal([2, 3, 4], rows.Select(r => r.Row));
        Assert.Null(rows[0].Error);
        Assert.NotNull(rows[1].Error);
        Assert.Null(rows[2].Error);
    }
}

public class DelimitedReaderLimitTests
{
    [Fact]
    public void Read_UnclosedQuoteOverAMillionCharacters_KeepsOnlyTheValueLimitAndReportsTheRow()
    {
        var text = "h1,h2\nx,\"" + new string('a', 1_000_000) + "\n";
        var reader = new DelimitedReader(new StringReader(text));
        reader.ReadHeader(out _);

        Assert.True(reader.Read(out var fields, out var error));

        Assert.Equal(ImportLimits.MaxValueChars, fields[1].Length);
        Assert.Contains("never closed", error);
    }

    [Fact]
    public void Read_ValueOverTheLimit_IsThatRowsErrorAndTheNextRowReadsNormally()
    {
        var text = "h1,h2\nx," + new string('a', 40_000) + "\ny,z\n";
        var reader = new DelimitedReader(new StringReader(text));
        reader.ReadHeader(out _);

        Assert.True(reader.Read(out var fields, out var error));
        Assert.Equal(ImportLimits.ValueTooLong(2), error);
        Assert.Equal(ImportLimits.MaxValueChars, fields[1].Length);
        Assert.True(reader.Read(out fields, out error));
        Assert.Null(error);
        Assert.Equal(["y", "z"], fields);
    }

    [Fact]
    public void Read_MoreValuesThanTheLimit_KeepsTheLimitAndReportsTheRow()
    {
        var text = "h1,h2\n" + new string(',', 100_000) + "\n";
        var reader = new DelimitedReader(new StringReader(text));
        reader.ReadHeader(out _);

        Assert.True(reader.Read(out var fields, out var error));

        Assert.Equal(ImportLimits.MaxValues, fields.Length);
        Assert.Equal(ImportLimits.TooManyValues(), error);
    }

    [Fact]
    public void ReadHeader_OneEndlessLine_IsAnErrorNotAStringOfTheWholeFile()
    {
        var reader = new DelimitedReader(new StringReader(new string('a', 5_000_000)));

        Assert.Null(reader.ReadHeader(out var error));

        Assert.Contains("first line is longer than 65,536 characters", error);
    }

    [Fact]
    public void ReadHeader_BlankLinesFirst_ReadsTheHeaderAfterThem()
    {
        var reader = new DelimitedReader(new StringReader("\n  \r\n\"a\";b\nx;y\n"));

        Assert.Equal(["a", "b"], reader.ReadHeader(out var error)!);
        Assert.Null(error);
        Assert.True(reader.Read(out var fields, out _));
        Assert.Equal(["x", "y"], fields);
    }
}
