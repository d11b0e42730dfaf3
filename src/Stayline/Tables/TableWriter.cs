using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Stayline.Tables;

/// <summary>Rows of text under named columns: what every export and report produces, written as CSV or XLSX by <see cref="TableWriter"/>.</summary>
public sealed class Table(IReadOnlyList<string> headers)
{
    private readonly List<string?[]> _rows = [];

    public IReadOnlyList<string> Headers { get; } = headers;

    public IReadOnlyList<string?[]> Rows => _rows;

    public void Add(params string?[] cells)
    {
        if (cells.Length != Headers.Count)
        {
            throw new ArgumentException($"Expected {Headers.Count} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }
}

public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// The one writer of every CSV and XLSX Stayline produces: whole tables (web and CLI exports, reports, the Bulk
/// export, the drafts' missing-fields report) and the cells of the outputs streamed as they are computed
/// (`match --out`, `names compare --csv`, `deadline --csv`). Every cell of text is neutralised; only numbers and
/// dates the code itself formats are written as they are.
/// </summary>
public static class TableWriter
{
    /// <summary>The format a file name asks for (.csv or .xlsx), or null.</summary>
    public static TableFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => TableFormat.Csv,
        ".xlsx" => TableFormat.Xlsx,
        _ => null,
    };

    public static string ContentType(TableFormat f) => f == TableFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// A cell that a spreadsheet would read as a formula (= + - @, or a leading tab or carriage return) gets a
    /// leading apostrophe, so a name typed as "=HYPERLINK(...)" stays text (OWASP "CSV injection").
    /// </summary>
    public static string Neutralise(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell ?? "";

    /// <summary>
    /// One CSV cell as every CSV Stayline writes it (web exports, reports, the command line's outputs): neutralised
    /// (<see cref="Neutralise"/>), then quoted (RFC 4180) if it holds a comma, a quote or a line break.
    /// </summary>
    public static string CsvField(string? cell)
    {
        var v = Neutralise(cell);
        return v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    public static byte[] Write(Table table, TableFormat format) =>
        format == TableFormat.Csv ? Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(table))).ToArray() : Xlsx(table);

    public static string Csv(Table table)
    {
        var sb = new StringBuilder();
        AppendCsvRow(sb, table.Headers);
        foreach (var row in table.Rows)
        {
            AppendCsvRow(sb, row);
        }

        return sb.ToString();
    }

    private static void AppendCsvRow(StringBuilder sb, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(CsvField(cells[i]));
        }

        sb.Append("\r\n");
    }

    /// <summary>One sheet of inline strings, bold frozen header row, written with the streaming writer.</summary>
    public static byte[] Xlsx(Table table)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
            var sheetPart = book.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(sheetPart))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new SheetViews());
                w.WriteStartElement(new SheetView { WorkbookViewId = 0 });
                w.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteStartElement(new SheetData());
                WriteRow(w, table.Headers, style: 1);
                foreach (var row in table.Rows)
                {
                    WriteRow(w, row, style: 0);
                }

                w.WriteEndElement();
                w.WriteEndElement();
            }

            book.Workbook = new Workbook(new Sheets(new Sheet { Name = "Report", SheetId = 1, Id = book.GetIdOfPart(sheetPart) }));
        }

        return stream.ToArray();
    }

    // XML 1.0 cannot carry most control characters; a pasted one must not make the whole file unreadable.
    private static string XmlSafe(string s) =>
        s.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r') ? new string(s.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray()) : s;

    private static void WriteRow(OpenXmlWriter w, IReadOnlyList<string?> cells, uint style)
    {
        w.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            var c = new Cell { DataType = CellValues.InlineString };
            if (style != 0)
            {
                c.StyleIndex = style;
            }

            w.WriteStartElement(c);
            w.WriteElement(new InlineString(new Text(XmlSafe(Neutralise(cell))) { Space = SpaceProcessingModeValues.Preserve }));
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }
}
