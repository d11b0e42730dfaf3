using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Stayline.Domain.Common;
using Stayline.Domain.Importing;

namespace Stayline.Features.Import;

/// <summary>The file as a whole cannot be read; the message says why and what to do.</summary>
internal sealed class ImportFileException(string message) : Exception(message);

/// <summary>Rows of a list file, whatever its format.</summary>
internal interface IRowSource : IDisposable
{
    IReadOnlyList<string> Header { get; }

    /// <summary>"CSV (;, UTF-8)" or "XLSX (sheet Detainees)".</summary>
    /// <summary>How the file was read (kind, delimiter, encoding or sheet), said on the progress page in the reader's language.</summary>
    Sentence Description { get; }

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
    public static (IRowSource Source, string Hash) Open(string path, string displayName, long maxBytes, XlsxLimits? xlsx = null)
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
            return (XlsxRowSource.Open(path, displayName, xlsx ?? XlsxLimits.Default), HashFile(path));
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
    private readonly Tables.CsvReader _reader;

    private CsvRowSource(FileStream stream, StreamReader text, Tables.CsvReader reader)
    {
        _stream = stream;
        _text = text;
        _reader = reader;
        Header = [];
        Description = Sentence.Verbatim("");
    }

    public IReadOnlyList<string> Header { get; private set; }

    public Sentence Description { get; private set; }

    public double Fraction => _stream.Length == 0 ? 1 : (double)_stream.Position / _stream.Length;

    public static CsvRowSource Open(string path, Encoding encoding)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        // The BOM, if any, is skipped by StreamReader whatever encoding is given.
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, 1 << 16);
        var source = new CsvRowSource(stream, text, new Tables.CsvReader(text));
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

        var encodingName = encoding is UTF8Encoding ? "UTF-8" : "Windows-1252";
        source.Header = header.Select(h => h.Trim()).ToArray();
        source.Description = source._reader.Delimiter == '\t'
            ? Sentence.Of($"CSV (delimiter tab, {encodingName})")
            : Sentence.Of($"CSV (delimiter “{source._reader.Delimiter.ToString()}”, {encodingName})");
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
        _reader.Dispose();
        _text.Dispose();
        _stream.Dispose();
    }
}

/// <summary>
/// How far an .xlsx may expand. An .xlsx is a zip of XML parts, and a few megabytes of zip can expand to
/// gigabytes (a "zip bomb"): every XML part is decompressed once, counted and discarded before anything is parsed,
/// and the file is refused when a part expands more than these limits allow.
/// </summary>
public sealed record XlsxLimits
{
    /// <summary>Parts in the zip (a workbook has a few dozen).</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Decompressed bytes of a worksheet or of the shared strings (read streaming, never held whole).</summary>
    public long MaxSheetBytes { get; init; } = 4L << 30;

    /// <summary>Decompressed bytes of any other part (workbook, styles, relationships: these are loaded whole).</summary>
    public long MaxOtherPartBytes { get; init; } = 4L << 20;

    /// <summary>Decompressed bytes of all XML parts together.</summary>
    public long MaxTotalBytes { get; init; } = 6L << 30;

    /// <summary>Decompressed size over compressed size of a part past its first MiB. Spreadsheet XML compresses
    /// 5-50 times; a run of one repeated byte about 1,000 times.</summary>
    public int MaxRatio { get; init; } = 200;

    /// <summary>Bytes between two angle brackets: no tag or text of a real sheet comes near (a cell holds at most
    /// 32,767 characters), and the XML reader holds a whole tag or text in memory.</summary>
    public int MaxTokenBytes { get; init; } = 1 << 20;

    /// <summary>Characters of all shared strings together, kept in memory while the sheet is read.</summary>
    public long MaxSharedStringChars { get; init; } = 64L << 20;

    /// <summary>Number of shared strings.</summary>
    public int MaxSharedStrings { get; init; } = 8_000_000;

    public static XlsxLimits Default { get; } = new();
}

/// <summary>Checks an .xlsx's zip before any part of it is parsed.</summary>
internal static class XlsxGuard
{
    public static void Check(string path, string name, XlsxLimits limits)
    {
        CheckDirectory(path, name, limits);
        using var zip = ZipFile.OpenRead(path);
        long total = 0;
        var buffer = new byte[1 << 16];
        foreach (var entry in zip.Entries)
        {
            var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
            var cap = IsBig(entry.FullName) ? limits.MaxSheetBytes : limits.MaxOtherPartBytes;
            if (entry.Length > cap && isXml)
            {
                throw TooBig(name, entry.FullName, entry.Length, cap);
            }

            if (!isXml)
            {
                continue; // never read
            }

            using var stream = entry.Open();
            long size = 0;
            var sinceMarkup = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                size += read;
                total += read;
                if (size > cap)
                {
                    throw TooBig(name, entry.FullName, size, cap);
                }

                if (size > (1 << 20) && size > (long)limits.MaxRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                        $"{name} is refused: its part {entry.FullName} expands more than {limits.MaxRatio} times ({entry.CompressedLength:N0} bytes compressed, already {size:N0} decompressed). A real spreadsheet does not; this looks like a zip bomb. Save the list again from Excel, or as CSV."));
                }

                if (total > limits.MaxTotalBytes)
                {
                    throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                        $"{name} is refused: its parts expand to more than {limits.MaxTotalBytes / (1024.0 * 1024):N0} MiB together. Split the list, or save it as CSV."));
                }

                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] is (byte)'<' or (byte)'>')
                    {
                        sinceMarkup = 0;
                    }
                    else if (++sinceMarkup > limits.MaxTokenBytes)
                    {
                        throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                            $"{name} is refused: its part {entry.FullName} has a tag or text of more than {limits.MaxTokenBytes:N0} bytes (a cell holds at most {ImportLimits.MaxValueChars:N0} characters)."));
                    }
                }
            }
        }
    }

    /// <summary>Parts that may be large because they are read streaming: the worksheets and the shared strings.</summary>
    public static bool IsBig(string entryName) =>
        entryName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) || entryName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);

    private static ImportFileException TooBig(string name, string part, long size, long cap) => new(string.Create(CultureInfo.InvariantCulture,
        $"{name} is refused: its part {part} expands to more than {cap / (1024.0 * 1024):N0} MiB ({size:N0} bytes or more). Split the list, or save it as CSV."));

    /// <summary>
    /// The zip's end record says how many parts it has and how large its directory is; both are checked before the
    /// directory is read, since reading it keeps an object per part.
    /// </summary>
    private static void CheckDirectory(string path, string name, XlsxLimits limits)
    {
        using var f = File.OpenRead(path);
        var tail = (int)Math.Min(f.Length, 22 + 65535);
        var bytes = new byte[tail];
        f.Seek(-tail, SeekOrigin.End);
        f.ReadExactly(bytes);
        for (var i = tail - 22; i >= 0; i--)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06)
            {
                var entries = BitConverter.ToUInt16(bytes, i + 10);
                var directoryBytes = BitConverter.ToUInt32(bytes, i + 12);
                // 0xFFFF entries means a zip64 directory: far beyond any workbook.
                if (entries > limits.MaxEntries || entries == 0xFFFF || directoryBytes > (uint)limits.MaxEntries * 1024)
                {
                    throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                        $"{name} is refused: it holds {(entries == 0xFFFF ? "too many" : entries.ToString("N0", CultureInfo.InvariantCulture))} parts; a workbook has a few dozen (the limit is {limits.MaxEntries:N0})."));
                }

                return;
            }
        }

        throw new ImportFileException($"{name} is not a readable Excel file (damaged or truncated?): its zip directory is missing.");
    }
}

/// <summary>Counts what is read from a part and stops past the cap (the guard checked it already; this holds if the file changes).</summary>
internal sealed class CappedStream(Stream inner, long cap, string name) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        _read += n;
        if (_read > cap)
        {
            throw new ImportFileException(string.Create(CultureInfo.InvariantCulture, $"{name} is refused: a part expands to more than {cap / (1024.0 * 1024):N0} MiB."));
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Shared strings, kept compactly (all their characters in blocks, a start and length each) rather than as a
/// string each: a sheet of a million distinct values keeps two arrays and a few blocks.
/// </summary>
internal sealed class SharedStrings
{
    private const int BlockChars = 1 << 20;
    private readonly List<char[]> _blocks = [];
    private readonly List<long> _where = [];
    private int _used = BlockChars;
    private long _chars;

    public int Count => _where.Count;

    public void Add(ReadOnlySpan<char> text, string name, XlsxLimits limits)
    {
        _chars += text.Length;
        if (_where.Count >= limits.MaxSharedStrings || _chars > limits.MaxSharedStringChars)
        {
            throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                $"{name} is refused: its shared strings hold more than {limits.MaxSharedStrings:N0} values or {limits.MaxSharedStringChars:N0} characters. Split the list, or save it as CSV."));
        }

        if (_used + text.Length > BlockChars)
        {
            _blocks.Add(new char[BlockChars]);
            _used = 0;
        }

        text.CopyTo(_blocks[^1].AsSpan(_used));
        // Block index, start in the block, length: one long per string.
        _where.Add(((long)(_blocks.Count - 1) << 40) | ((long)_used << 20) | (uint)text.Length);
        _used += text.Length;
    }

    public string Get(int i)
    {
        var w = _where[i];
        return new string(_blocks[(int)(w >> 40)], (int)((w >> 20) & 0xFFFFF), (int)(w & 0xFFFFF));
    }
}

/// <summary>
/// The first worksheet of an .xlsx, read row by row with an XML reader over the part's stream: neither the sheet
/// nor a row is ever held whole, and no value, row or shared string keeps more than <see cref="ImportLimits"/> allow.
/// </summary>
internal sealed class XlsxRowSource : IRowSource
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly SpreadsheetDocument _doc;
    private readonly XmlReader _reader;
    private readonly SharedStrings _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly string _name;
    private readonly int _totalRows;
    private readonly char[] _chunk = new char[4096];
    private readonly StringBuilder _text = new();
    private int _rowsRead;

    private XlsxRowSource(SpreadsheetDocument doc, XmlReader reader, SharedStrings sharedStrings, bool[] dateStyles, string name, string sheet, int totalRows)
    {
        _doc = doc;
        _reader = reader;
        _sharedStrings = sharedStrings;
        _dateStyles = dateStyles;
        _name = name;
        _totalRows = totalRows;
        Description = Sentence.Of($"XLSX (sheet \"{sheet}\")");
        Header = [];
    }

    public IReadOnlyList<string> Header { get; private set; }

    public Sentence Description { get; }

    public double Fraction => _totalRows <= 0 ? 0 : Math.Min(1, (double)_rowsRead / _totalRows);

    public static XlsxRowSource Open(string path, string displayName, XlsxLimits limits)
    {
        XlsxGuard.Check(path, displayName, limits);
        SpreadsheetDocument? doc = null;
        XlsxRowSource? source = null;
        try
        {
            doc = SpreadsheetDocument.Open(path, false);
            var workbook = doc.WorkbookPart ?? throw new ImportFileException($"{displayName} has no workbook.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ImportFileException($"{displayName} has no worksheet.");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var strings = ReadSharedStrings(workbook.SharedStringTablePart, displayName, limits);
            var dates = DateStyles(workbook.WorkbookStylesPart);
            var total = TotalRows(part, displayName, limits);
            source = new XlsxRowSource(doc, OpenPart(part, displayName, limits), strings, dates, displayName, sheet.Name?.Value ?? "1", total);
            if (!source.ReadRow(out var header, out _, out var error))
            {
                throw new ImportFileException($"{displayName}: the first worksheet is empty; expected a header row.");
            }

            if (error is not null)
            {
                throw new ImportFileException($"{displayName}, header row: {error}");
            }

            source.Header = header.Select(h => h.Trim()).ToArray();
            return source;
        }
        catch (Exception ex) when (ex is not ImportFileException && ex is not OutOfMemoryException)
        {
            Dispose(source, doc);
            throw new ImportFileException($"{displayName} is not a readable Excel file (damaged or truncated?).");
        }
        catch
        {
            Dispose(source, doc);
            throw;
        }
    }

    private static void Dispose(XlsxRowSource? source, SpreadsheetDocument? doc)
    {
        if (source is not null)
        {
            source.Dispose();
        }
        else
        {
            doc?.Dispose();
        }
    }

    private static XmlReader OpenPart(OpenXmlPart part, string name, XlsxLimits limits) =>
        XmlReader.Create(new CappedStream(part.GetStream(FileMode.Open, FileAccess.Read), limits.MaxSheetBytes, name), Settings);

    public bool Read(out string[] fields, out int row, out string? error)
    {
        try
        {
            while (ReadRow(out fields, out row, out error))
            {
                if (error is not null || fields.Any(f => f.Length > 0))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is not ImportFileException && ex is not OutOfMemoryException)
        {
            throw new ImportFileException(string.Create(CultureInfo.InvariantCulture, $"{_name} could not be read past row {_rowsRead} (damaged or truncated?)."));
        }
    }

    /// <summary>The next &lt;row&gt;: its cells' text by column (missing cells empty), or an error when it breaks a limit.</summary>
    private bool ReadRow(out string[] fields, out int row, out string? error)
    {
        error = null;
        var r = _reader;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "row" || r.NamespaceURI != Main)
            {
                continue;
            }

            _rowsRead++;
            row = int.TryParse(r.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : _rowsRead;
            var values = new List<string>();
            var rowChars = 0;
            if (r.IsEmptyElement)
            {
                fields = [];
                return true;
            }

            var depth = r.Depth;
            r.Read();
            while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    r.Read();
                    continue;
                }

                if (r.LocalName != "c")
                {
                    r.Skip();
                    continue;
                }

                var col = r.GetAttribute("r") is { } reference ? ColumnIndex(reference) : values.Count;
                if (col < 0 || col >= ImportLimits.MaxValues)
                {
                    error ??= ImportLimits.TooManyValues();
                    r.Skip();
                    continue;
                }

                var text = CellText(r, out var tooLong);
                r.Read();
                if (tooLong)
                {
                    error ??= ImportLimits.ValueTooLong(col + 1);
                }

                rowChars += text.Length;
                if (rowChars > ImportLimits.MaxRowChars)
                {
                    error ??= ImportLimits.RowTooLong();
                    continue;
                }

                while (values.Count < col)
                {
                    values.Add("");
                }

                if (col < values.Count)
                {
                    values[col] = text;
                }
                else
                {
                    values.Add(text);
                }
            }

            fields = [.. values];
            return true;
        }

        fields = [];
        row = 0;
        return false;
    }

    /// <summary>A &lt;c&gt;'s text, the reader on its start; leaves the reader on its end (or on it, when empty).</summary>
    private string CellText(XmlReader r, out bool tooLong)
    {
        tooLong = false;
        var type = r.GetAttribute("t");
        var style = uint.TryParse(r.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : (uint?)null;
        if (r.IsEmptyElement)
        {
            return "";
        }

        var depth = r.Depth;
        string? value = null;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName is "v" or "is")
            {
                var inline = r.LocalName == "is";
                _text.Clear();
                if (inline)
                {
                    ReadRichText(r, _text, _chunk, ref tooLong);
                    type = "inlineStr";
                }
                else
                {
                    ReadText(r, _text, _chunk, ref tooLong);
                }

                value = _text.ToString();
                r.Read();
            }
            else if (r.NodeType == XmlNodeType.Element)
            {
                r.Skip();
            }
            else
            {
                r.Read();
            }
        }

        value ??= "";
        if (type == "s")
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count ? _sharedStrings.Get(i) : "";
        }

        if ((type is null || type == "n") && style is { } st && st < _dateStyles.Length && _dateStyles[st]
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            // A date cell holds days since 1899-12-30 (Excel's epoch, leap-year bug included).
            return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return value;
    }

    /// <summary>
    /// The text of an element (&lt;v&gt;, &lt;t&gt;), appended up to the value limit and read in chunks (a text
    /// node is never held whole); the reader starts on the element and ends on its end (or on it, when empty).
    /// </summary>
    private static void ReadText(XmlReader r, StringBuilder text, char[] chunk, ref bool tooLong)
    {
        if (r.IsEmptyElement)
        {
            return;
        }

        var depth = r.Depth;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int n;
                while ((n = r.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    var room = ImportLimits.MaxValueChars - text.Length;
                    if (n > room)
                    {
                        tooLong = true;
                        n = Math.Max(0, room);
                    }

                    text.Append(chunk, 0, n);
                }

                r.Read();
            }
            else if (r.NodeType == XmlNodeType.Element)
            {
                r.Skip();
            }
            else
            {
                r.Read();
            }
        }
    }

    /// <summary>An inline or shared string: its &lt;t&gt; texts (rich-text runs included, phonetic guides left out); same reader positions as <see cref="ReadText"/>.</summary>
    private static void ReadRichText(XmlReader r, StringBuilder text, char[] chunk, ref bool tooLong)
    {
        if (r.IsEmptyElement)
        {
            return;
        }

        var depth = r.Depth;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "t")
            {
                ReadText(r, text, chunk, ref tooLong);
                r.Read();
            }
            else if (r.NodeType == XmlNodeType.Element && r.LocalName == "rPh")
            {
                r.Skip();
            }
            else
            {
                // Runs (<r>) hold their <t>: step into them.
                r.Read();
            }
        }
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
            if (col > ImportLimits.MaxValues)
            {
                return -1;
            }
        }

        return col - 1;
    }

    private static SharedStrings ReadSharedStrings(SharedStringTablePart? part, string name, XlsxLimits limits)
    {
        var strings = new SharedStrings();
        if (part is null)
        {
            return strings;
        }

        using var r = OpenPart(part, name, limits);
        var text = new StringBuilder();
        var chunk = new char[4096];
        var tooLong = false;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "si")
            {
                text.Clear();
                ReadRichText(r, text, chunk, ref tooLong);
                if (tooLong)
                {
                    throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                        $"{name} is refused: shared string {strings.Count + 1:N0} is longer than {ImportLimits.MaxValueChars:N0} characters (the most a cell holds)."));
                }

                strings.Add(text.ToString(), name, limits);
            }
        }

        return strings;
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
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
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

    /// <summary>The last row of the sheet's &lt;dimension&gt; (for progress), which comes before the rows.</summary>
    private static int TotalRows(WorksheetPart part, string name, XlsxLimits limits)
    {
        using var r = OpenPart(part, name, limits);
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (r.LocalName == "dimension")
            {
                var reference = r.GetAttribute("ref") ?? "";
                var digits = new string(reference.Split(':')[^1].Where(char.IsAsciiDigit).ToArray());
                return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            }

            if (r.LocalName == "sheetData")
            {
                break;
            }
        }

        return 0;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _doc?.Dispose();
    }
}
