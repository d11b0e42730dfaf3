using DocumentFormat.OpenXml.Packaging;

using Stayline.Tables;

namespace Stayline.Tests.Tables;

public class TableWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")")]
    [InlineData("+1-800", "'+1-800")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("Kassab = Qassab", "Kassab = Qassab")]
    [InlineData("A012-345-678", "A012-345-678")]
    [InlineData("يوسف", "يوسف")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Neutralise_Cell_PrefixesOnlyFormulaStarts(string? cell, string expected) =>
        Assert.Equal(expected, TableWriter.Neutralise(cell));

    [Fact]
    public void Csv_InjectedAndSpecialCells_AreNeutralisedAndQuoted()
    {
        var table = new Table(["name", "note"]);
        table.Add("=cmd|' /C calc'!A0", "said \"hi\", left");

        var csv = TableWriter.Csv(table);

        Assert.Equal("name,note\r\n'=cmd|' /C calc'!A0,\"said \"\"hi\"\", left\"\r\n", csv);
    }

    [Fact]
    public void Xlsx_InjectedCell_IsStoredAsNeutralisedText()
    {
        var table = new Table(["name"]);
        table.Add("=1+1");
        table.Add("@here & <there>");

        using var doc = SpreadsheetDocument.Open(new MemoryStream(TableWriter.Xlsx(table)), false);

        var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Equal(["name", "'=1+1", "'@here & <there>"], cells.Select(c => c.InnerText));
        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc));
    }
}
