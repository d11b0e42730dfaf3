using System.Text;
using Stayline.Domain.Importing;
using Stayline.Tables;

namespace Stayline.Tests.Tables;

public class CsvReaderTests
{
    private static CsvReader Open(string text, char? delimiter = null) => new(new StringReader(text), delimiter);

    [Theory]
    [InlineData("a,b,c", ',')]
    [InlineData("a;b;c", ';')]
    [InlineData("a\tb\tc", '\t')]
    [InlineData("a|b|c", '|')]
    [InlineData("\"Last, name\";First;DOB", ';')]
    [InlineData("Name", ',')]
    public void DetectDelimiter_HeaderLine_PicksTheMostUsedOutsideQuotes(string header, char expected) =>
        Assert.Equal(expected, CsvReader.DetectDelimiter(header));

    [Theory]
    [InlineData("h1,h2\nx,y\n", new[] { "x", "y" }, null)]
    [InlineData("h1,h2\r\n\"x, \"\"q\"\"\",\"multi\nline\"\r\n", new[] { "x, \"q\"", "multi\nline" }, null)]
    [InlineData("h1,h2\nx,\n", new[] { "x", "" }, null)]
    [InlineData("h1,h2\nx,y", new[] { "x", "y" }, null)]
    [InlineData("h1,h2\n#x,y\n", new[] { "#x", "y" }, null)]
    [InlineData("h1,h2\nab\"c,d\n", new string[0], "Stray quote in column 1 (\"h1\"): \"ab\"c\"")]
    [InlineData("h1,h2\nx,ab\"c\n", new[] { "x" }, "Stray quote in column 2 (\"h2\"): \"ab\"c\"")]
    [InlineData("h1,h2\n\"ab\"c,d\n", new string[0], "Text follows the closing quote of column 1 (\"h1\"): \"ab\"c;")]
    [InlineData("h1,h2\n\"abc,d\n", new[] { "abc,d\n" }, "A quote opened in column 1 (\"h1\") is never closed")]
    public void Read_Record_GivesFieldsOrTheRowsErrorNamingColumnAndValue(string text, string[] fields, string? error)
    {
        using var reader = Open(text);
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
    public void Read_AfterABadRow_ContinuesWithTheNextLineAndCountsRowsAndLines()
    {
        using var reader = Open("h\n\nok1\nb\"ad\n\nok2\n");
        reader.ReadHeader(out _);
        var rows = new List<(int Row, int Line, string? Error)>();
        while (reader.Read(out _, out var error))
        {
            rows.Add((reader.Row, reader.Line, error));
        }

        // Rows as a spreadsheet opening the file numbers them: the blank lines are rows too (here the same as the lines).
        Assert.Equal([3, 4, 6], rows.Select(r => r.Row));
        Assert.Equal([3, 4, 6], rows.Select(r => r.Line));
        Assert.Null(rows[0].Error);
        Assert.NotNull(rows[1].Error);
        Assert.Null(rows[2].Error);
    }

    [Fact]
    public void Read_QuotedLineBreaks_CountTowardsTheLineOfTheNextRecord()
    {
        using var reader = Open("a,b\r\n\"1\r\n2\",x\r\ny,z\r\n");
        reader.ReadHeader(out _);

        Assert.True(reader.Read(out _, out _));
        Assert.Equal(2, reader.Line);
        Assert.True(reader.Read(out var fields, out _));
        Assert.Equal(4, reader.Line);
        Assert.Equal(3, reader.Row);
        Assert.Equal(["y", "z"], fields);
    }

    /// <summary>Blank lines before the header and between records are rows where the file is opened in a spreadsheet; a
    /// record with a line break inside quotes is one row there (its line count differs).</summary>
    [Fact]
    public void Row_AsASpreadsheetNumbersIt_BlankLinesCountedQuotedBreaksNot()
    {
        using var reader = Open("\n\na,b\n1,x\n\n\n\"2\n2\",y\n3,z\n");
        reader.ReadHeader(out _);
        Assert.Equal(3, reader.Row);
        var rows = new List<(int Row, int Line)>();
        while (reader.Read(out _, out _))
        {
            rows.Add((reader.Row, reader.Line));
        }

        Assert.Equal([(4, 4), (7, 7), (8, 9)], rows);
    }

    [Theory]
    [InlineData("utf-8 with BOM")]
    [InlineData("utf-16 with BOM")]
    [InlineData("windows-1252")]
    public void Read_EncodedText_DecodedByTheTextReaderAndTheMarkSkipped(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var (enc, bytes) = encoding switch
        {
            "utf-8 with BOM" => (Encoding.UTF8, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name;city\nHanné;Zürich\n")).ToArray()),
            "utf-16 with BOM" => (Encoding.Unicode, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("name;city\nHanné;Zürich\n")).ToArray()),
            _ => (Encoding.GetEncoding(1252), Encoding.GetEncoding(1252).GetBytes("name;city\nHanné;Zürich\n")),
        };
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), enc, detectEncodingFromByteOrderMarks: true));

        Assert.Equal(["name", "city"], reader.ReadHeader(out _)!);
        Assert.True(reader.Read(out var fields, out var error));
        Assert.Null(error);
        Assert.Equal(["Hanné", "Zürich"], fields);
    }

    [Fact]
    public void ReadHeader_ByteOrderMarkLeftInTheText_IsNotPartOfTheFirstName()
    {
        using var reader = Open("\uFEFFrule,trigger\n");

        Assert.Equal(["rule", "trigger"], reader.ReadHeader(out _)!);
    }

    [Fact]
    public void ReadHeader_FixedDelimiter_IsNotDetected()
    {
        using var reader = Open("rule;trigger\n", ',');

        Assert.Equal(["rule;trigger"], reader.ReadHeader(out _)!);
    }
}

public class CsvReaderLimitTests
{
    [Fact]
    public void Read_UnclosedQuoteOverAMillionCharacters_KeepsOnlyTheValueLimitAndReportsTheRow()
    {
        var text = "h1,h2\nx,\"" + new string('a', 1_000_000) + "\n";
        using var reader = new CsvReader(new StringReader(text));
        reader.ReadHeader(out _);

        Assert.True(reader.Read(out var fields, out var error));

        Assert.Equal(ImportLimits.MaxValueChars, fields[1].Length);
        Assert.Contains("never closed", error);
        Assert.False(reader.Read(out _, out _));
    }

    [Fact]
    public void Read_UnclosedQuoteLongerThanTheBuffer_ReportsTheRowAndStops()
    {
        var text = "h1,h2\nx,y\nx,\"" + new string('a', CsvReader.MaxRecordChars + 10) + "\n";
        using var reader = new CsvReader(new StringReader(text));
        reader.ReadHeader(out _);
        Assert.True(reader.Read(out _, out _));

        Assert.True(reader.Read(out _, out var error));

        Assert.Equal(3, reader.Row);
        Assert.Contains("an unclosed quote?", error);
        Assert.False(reader.Read(out _, out _));
    }

    [Fact]
    public void Read_ValueOverTheLimit_IsThatRowsErrorAndTheNextRowReadsNormally()
    {
        var text = "h1,h2\nx," + new string('a', 40_000) + "\ny,z\n";
        using var reader = new CsvReader(new StringReader(text));
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
        using var reader = new CsvReader(new StringReader(text));
        reader.ReadHeader(out _);

        Assert.True(reader.Read(out var fields, out var error));

        Assert.Equal(ImportLimits.MaxValues, fields.Length);
        Assert.Equal(ImportLimits.TooManyValues(), error);
    }

    [Fact]
    public void ReadHeader_OneEndlessLine_IsAnErrorNotAStringOfTheWholeFile()
    {
        using var reader = new CsvReader(new StringReader(new string('a', 5_000_000)));

        Assert.Null(reader.ReadHeader(out var error));

        Assert.Contains("first line is longer than 65,536 characters", error);
    }

    [Fact]
    public void ReadHeader_BlankLinesFirst_ReadsTheHeaderAfterThem()
    {
        using var reader = new CsvReader(new StringReader("\n  \r\n\"a\";b\nx;y\n"));

        Assert.Equal(["a", "b"], reader.ReadHeader(out var error)!);
        Assert.Null(error);
        Assert.Equal(3, reader.Line);
        Assert.True(reader.Read(out var fields, out _));
        Assert.Equal(["x", "y"], fields);
        Assert.Equal(4, reader.Line);
    }
}
