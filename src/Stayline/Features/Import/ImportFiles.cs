using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Stayline.Domain.Importing;

namespace Stayline.Features.Import;

/// <summary>The file as a whole cannot be read; the message says why and what to do.</summary>
internal sealed class ImportFileException(string message) : Exception(message);

/// <summary>Rows of a list file, whatever its format.</summary>
internal interface IRowSource : IDisposable
{
    IReadOnlyList<string> Header { get; }

    /// <summary>"CSV (;, UTF-8)" or "XLSX (sheet Detainees)".</summary>
    string Description { get; }

    /// <summary>Share of the file read so far, 0 to 1 (approximate).</summary>
    double Fraction { get; }

    /// <summary>Next row; false at the end. A malformed row comes back with <paramref name="error"/> set.</summary>
    bool Read(out string[] fields, out int row, out string? error);
}

internal static class ImportFiles
{
    /// <summary>Default size limit: larger lists are refused before reading them (split them first).</summary>
    public const long DefaultMaxBytes = 512L << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Checks the file (size, format, encoding) and opens it. CSV bytes are read once up front, to hash them and
    /// to decide between UTF-8 and Windows-1252; a file is Windows-1252 only when it is not valid UTF-8.
    /// </summary>
    public static (IRowSource Source, string Hash) Open(string path, string displayName, long maxBytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ImportFileException($"{displayName}: file not found.");
        }

        if (info.Length > maxBytes)
        {
            throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                $"{displayName} is {info.Length / (1024.0 * 1024):N0} MiB; the limit is {maxBytes / (1024.0 * 1024):N0} MiB. Split the list into smaller files (or raise the limit with --max-mib)."));
        }

        if (info.Length == 0)
        {
            throw new ImportFileException($"{displayName} is empty; expected a header line and at least one row.");
        }

        Span<byte> head = stackalloc byte[8];
        int n;
        using (var f = File.OpenRead(path))
        {
            n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..n];
        if (head.StartsWith("PK\x03\x04"u8))
        {
            return (XlsxRowSource.Open(path, displayName), HashFile(path));
        }

        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw new ImportFileException($"{displayName} is an old Excel (.xls) file; save it as .xlsx or CSV.");
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            throw new ImportFileException($"{displayName} is UTF-16 text; save it as CSV UTF-8 (or as .xlsx).");
        }

        var (hash, encoding) = ScanText(path, displayName);
        return (CsvRowSource.Open(path, encoding), hash);
    }

    public static string HashFile(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }

    private static (string Hash, Encoding Encoding) ScanText(string path, string displayName)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        var utf8 = true;
        long offset = 0;
        int read;
        while ((read = f.Read(bytes, 0, bytes.Length)) > 0)
        {
            sha.AppendData(bytes, 0, read);
            var nul = Array.IndexOf(bytes, (byte)0, 0, read);
            if (nul >= 0)
            {
                throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                    $"{displayName} is not a text list (a zero byte at offset {offset + nul:N0}): it may be UTF-16 without a byte-order mark or a binary file. Save it as CSV UTF-8 or .xlsx."));
            }

            if (utf8)
            {
                try
                {
                    decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                }
                catch (DecoderFallbackException)
                {
                    utf8 = false;
                }
            }

            offset += read;
        }

        if (utf8)
        {
            try
            {
                decoder.GetChars([], 0, 0, chars, 0, flush: true);
            }
            catch (DecoderFallbackException)
            {
                utf8 = false;
            }
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), utf8 ? new UTF8Encoding(false) : Windows1252());
    }

    public static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}

internal sealed class CsvRowSource : IRowSource
{
    private readonly FileStream _stream;
    private readonly StreamReader _text;
    private readonly DelimitedReader _reader;

    private CsvRowSource(FileStream stream, StreamReader text, DelimitedReader reader)
    {
        _stream = stream;
        _text = text;
        _reader = reader;
        Header = [];
        Description = "";
    }

    public IReadOnlyList<string> Header { get; private set; }

    public string Description { get; private set; }

    public double Fraction => _stream.Length == 0 ? 1 : (double)_stream.Position / _stream.Length;

    public static CsvRowSource Open(string path, Encoding encoding)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        // The BOM, if any, is skipped by StreamReader whatever encoding is given.
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, 1 << 16);
        var source = new CsvRowSource(stream, text, new DelimitedReader(text));
        var header = source._reader.ReadHeader(out var error);
        if (header is null)
        {
            source.Dispose();
            throw new ImportFileException(error ?? "The file has no header line (it holds only blank lines).");
        }

        if (error is not null)
        {
            source.Dispose();
            throw new ImportFileException($"Header line: {error}");
        }

        var delimiter = source._reader.Delimiter switch { '\t' => "tab", var c => c.ToString() };
        source.Header = header.Select(h => h.Trim()).ToArray();
        source.Description = $"CSV (delimiter {delimiter}, {(encoding is UTF8Encoding ? "UTF-8" : "Windows-1252")})";
        return source;
    }

    public bool Read(out string[] fields, out int row, out string? error)
    {
        var more = _reader.Read(out fields, out error);
        row = _reader.Row;
        return more;
    }

    public void Dispose()
    {
        _text.Dispose();
        _stream.Dispose();
    }
}

/// <summary>The first worksheet of an .xlsx, read row by row with the SAX reader so big sheets stay out of memory.</summary>
internal sealed class XlsxRowSource : IRowSource
{
    private readonly SpreadsheetDocument _doc;
    private readonly OpenXmlReader _reader;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly string _name;
    private readonly int _totalRows;
    private int _rowsRead;

    private XlsxRowSource(SpreadsheetDocument doc, OpenXmlReader reader, string[] sharedStrings, bool[] dateStyles, string name, string sheet, int totalRows)
    {
        _doc = doc;
        _reader = reader;
        _sharedStrings = sharedStrings;
        _dateStyles = dateStyles;
        _name = name;
        _totalRows = totalRows;
        Description = $"XLSX (sheet \"{sheet}\")";
        Header = [];
    }

    public IReadOnlyList<string> Header { get; private set; }

    public string Description { get; }

    public double Fraction => _totalRows <= 0 ? 0 : Math.Min(1, (double)_rowsRead / _totalRows);

    public static XlsxRowSource Open(string path, string displayName)
    {
        SpreadsheetDocument? doc = null;
        try
        {
            doc = SpreadsheetDocument.Open(path, false);
            var workbook = doc.WorkbookPart ?? throw new ImportFileException($"{displayName} has no workbook.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ImportFileException($"{displayName} has no worksheet.");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var strings = ReadSharedStrings(workbook.SharedStringTablePart);
            var dates = DateStyles(workbook.WorkbookStylesPart);
            var total = TotalRows(part);
            var source = new XlsxRowSource(doc, OpenXmlReader.Create(part), strings, dates, displayName, sheet.Name?.Value ?? "1", total);
            if (!source.ReadRow(out var header, out _))
            {
                throw new ImportFileException($"{displayName}: the first worksheet is empty; expected a header row.");
            }

            source.Header = header.Select(h => h.Trim()).ToArray();
            return source;
        }
        catch (Exception ex) when (ex is not ImportFileException && ex is not OutOfMemoryException)
        {
            doc?.Dispose();
            throw new ImportFileException($"{displayName} is not a readable Excel file (damaged or truncated?): {ex.Message}");
        }
        catch
        {
            doc?.Dispose();
            throw;
        }
    }

    public bool Read(out string[] fields, out int row, out string? error)
    {
        error = null;
        try
        {
            while (ReadRow(out fields, out row))
            {
                if (fields.Any(f => f.Length > 0))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ImportFileException($"{_name} could not be read past row {_rowsRead} (damaged or truncated?): {ex.Message}");
        }
    }

    private bool ReadRow(out string[] fields, out int row)
    {
        while (_reader.Read())
        {
            if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement)
            {
                continue;
            }

            var r = (Row)_reader.LoadCurrentElement()!;
            _rowsRead++;
            row = (int)(r.RowIndex?.Value ?? (uint)_rowsRead);
            var values = new List<string>();
            foreach (var cell in r.Elements<Cell>())
            {
                var col = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : values.Count;
                while (values.Count < col)
                {
                    values.Add("");
                }

                values.Add(CellText(cell));
            }

            fields = [.. values];
            return true;
        }

        fields = [];
        row = 0;
        return false;
    }

    private string CellText(Cell cell)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Length ? _sharedStrings[i] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if ((type is null || type == CellValues.Number) && cell.StyleIndex?.Value is { } style && style < _dateStyles.Length && _dateStyles[style]
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            // A date cell holds days since 1899-12-30 (Excel's epoch, leap-year bug included).
            return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var col = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            col = (col * 26) + (c - 'A' + 1);
        }

        return col - 1;
    }

    private static string[] ReadSharedStrings(SharedStringTablePart? part)
    {
        if (part is null)
        {
            return [];
        }

        var list = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                list.Add(reader.LoadCurrentElement()!.InnerText);
            }
        }

        return [.. list];
    }

    private static bool[] DateStyles(WorkbookStylesPart? part)
    {
        var formats = part?.Stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
        if (formats is null)
        {
            return [];
        }

        var custom = part!.Stylesheet!.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        return formats.Select(f =>
        {
            var id = f.NumberFormatId?.Value ?? 0;
            // Built-in date formats of ECMA-376 Part 1, 18.8.30.
            return id is (>= 14 and <= 22) or (>= 45 and <= 47)
                || (custom.TryGetValue(id, out var code) && IsDateFormat(code));
        }).ToArray();
    }

    private static bool IsDateFormat(string code)
    {
        var inQuote = false;
        foreach (var c in code)
        {
            if (c == '"')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && c is 'y' or 'Y' or 'd' or 'D')
            {
                return true;
            }
        }

        return false;
    }

    private static int TotalRows(WorksheetPart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SheetDimension))
            {
                var reference = ((SheetDimension)reader.LoadCurrentElement()!).Reference?.Value ?? "";
                var digits = new string(reference.Split(':')[^1].Where(char.IsAsciiDigit).ToArray());
                return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            }

            if (reader.ElementType == typeof(SheetData))
            {
                break;
            }
        }

        return 0;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _doc.Dispose();
    }
}
