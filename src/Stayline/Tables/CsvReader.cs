using System.Buffers;
using System.Globalization;
using Stayline.Domain.Importing;
using Sylvan.Data.Csv;

namespace Stayline.Tables;

/// <summary>
/// The one CSV reader (import, its mapping files, match, names compare, deadline --csv, the facility seed): Sylvan
/// splits the records (ADR 0006); this adapter detects the delimiter, counts rows and lines, keeps the value limits,
/// and turns a malformed record into that row's error naming the column and its value. It never throws on bad data:
/// a bad row comes back with its error and reading carries on with the next line, because a quote out of place
/// usually means the columns after it have shifted and guessing would put values in the wrong fields.
/// </summary>
public sealed class CsvReader : IDisposable
{
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>Characters of the header line looked at before the first record is read.</summary>
    public const int MaxHeaderChars = 1 << 16;

    /// <summary>A record past this (an unclosed quote swallowing the file) stops the reading: Sylvan cannot resume after it.</summary>
    public const int MaxRecordChars = 4 * ImportLimits.MaxRowChars;

    private readonly TextReader _source;
    private readonly char? _fixedDelimiter;
    private CsvDataReader? _csv;
    private IReadOnlyList<string>? _header;
    private int _linesBefore;
    private int _nextLine = 1;
    private bool _stopped;
    private SearchValues<char> _stops = SearchValues.Create(",\"\r\n");

    /// <param name="delimiter">Null: the one the header line uses most outside quotes (, ; tab |).</param>
    public CsvReader(TextReader reader, char? delimiter = null)
    {
        _source = reader;
        _fixedDelimiter = delimiter;
    }

    public char Delimiter { get; private set; } = ',';

    /// <summary>The spreadsheet row of the record last read, as a spreadsheet opening the file numbers it: blank lines are
    /// rows (the header is row 1 unless blank lines come before it); a record with a line break inside quotes is one row.</summary>
    public int Row { get; private set; }

    /// <summary>The line of the file (1-based, blank lines counted) where the record last read starts.</summary>
    public int Line { get; private set; }

    /// <summary>Reads the header line (after any blank lines) and sets the delimiter; null when the file has no non-blank line.</summary>
    public IReadOnlyList<string>? ReadHeader(out string? error)
    {
        error = null;
        var buffer = new char[MaxHeaderChars];
        var length = 0;
        var start = 0;
        var end = -1;
        var scanned = 0;
        while (end < 0)
        {
            if (length == buffer.Length && start > 0)
            {
                // Blank lines before the header are dropped to make room.
                Array.Copy(buffer, start, buffer, 0, length - start);
                length -= start;
                scanned -= start;
                start = 0;
            }

            if (length == buffer.Length)
            {
                error = string.Create(CultureInfo.InvariantCulture,
                    $"The first line is longer than {MaxHeaderChars:N0} characters; this is not a list with a header line.");
                return null;
            }

            var n = _source.Read(buffer, length, buffer.Length - length);
            if (n <= 0)
            {
                end = length;
                break;
            }

            if (length == 0 && buffer[0] == '\uFEFF')
            {
                start = scanned = 1; // a byte-order mark the text reader left in
            }

            length += n;
            for (; scanned < length; scanned++)
            {
                var c = buffer[scanned];
                if (c is '\r' or '\n')
                {
                    if (!IsBlank(buffer.AsSpan(start, scanned - start)))
                    {
                        end = scanned;
                        break;
                    }

                    if (c == '\n' || scanned + 1 >= length || buffer[scanned + 1] != '\n')
                    {
                        _linesBefore++;
                    }

                    start = scanned + 1;
                }
            }
        }

        if (IsBlank(buffer.AsSpan(start, end - start)))
        {
            return null;
        }

        Delimiter = _fixedDelimiter ?? DetectDelimiter(buffer.AsSpan(start, end - start));
        _stops = SearchValues.Create([Delimiter, '"', '\r', '\n']);
        _nextLine = _linesBefore + 1;
        _csv = CsvDataReader.Create(new ReplayReader(buffer, start, length, _source), new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = Delimiter,
            CsvStyle = CsvStyle.Lax,
            // Sylvan skips lines starting with '#' by default: a list's row may well start with one.
            Comment = '\0',
            BufferSize = MaxHeaderChars,
            MaxBufferSize = MaxRecordChars,
        });
        Row = _linesBefore;
        if (!Read(out var header, out error))
        {
            return null;
        }

        _header = header;
        return header;
    }

    private static bool IsBlank(ReadOnlySpan<char> line) => line.IsWhiteSpace();

    public static char DetectDelimiter(ReadOnlySpan<char> headerLine)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                var k = Array.IndexOf(Candidates, c);
                if (k >= 0)
                {
                    counts[k]++;
                }
            }
        }

        var best = 0;
        for (var k = 1; k < counts.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return Candidates[best];
    }

    /// <summary>
    /// Reads the next record (blank lines skipped). Returns false at the end of the input. When the record is
    /// malformed, returns true with <paramref name="error"/> set and the fields before the bad one.
    /// </summary>
    public bool Read(out string[] fields, out string? error)
    {
        fields = [];
        error = null;
        if (_csv is null)
        {
            return false; // no header line: nothing to read
        }

        while (true)
        {
            if (_stopped)
            {
                return false;
            }

            bool more;
            try
            {
                more = _csv!.Read();
            }
            catch (CsvFormatException)
            {
                // Only a record larger than the buffer stops Sylvan in lax mode.
                _stopped = true;
                Row++;
                Line = _nextLine;
                error = string.Create(CultureInfo.InvariantCulture,
                    $"The row is longer than {MaxRecordChars:N0} characters (an unclosed quote?); the rest of the file was not read.");
                return true;
            }

            if (!more)
            {
                return false;
            }

            var raw = _csv.GetRawRecordSpan();
            Line = _nextLine;
            _nextLine += LineBreaks(raw);
            if (raw.TrimEnd("\r\n").IsEmpty)
            {
                // Skipped, but a row all the same where the file is opened: the rows after it are named as it shows them (a
                // spacer line had made every later error name the row above the one meant).
                Row++;
                continue;
            }

            Row++;
            Found problem = default;
            var bad = raw.Contains('"') ? Check(raw, out problem) : 0;
            var count = Math.Min(bad > 0 ? bad - (problem.Kind == Problem.Unclosed ? 0 : 1) : _csv.RowFieldCount, _csv.RowFieldCount);
            string? overflow = null;
            if (count > ImportLimits.MaxValues)
            {
                count = ImportLimits.MaxValues;
                overflow = ImportLimits.TooManyValues();
            }

            fields = new string[count];
            var rowChars = 0;
            for (var i = 0; i < count; i++)
            {
                var span = _csv.GetFieldSpan(i);
                if (span.Length > ImportLimits.MaxValueChars)
                {
                    overflow ??= ImportLimits.ValueTooLong(i + 1);
                    span = span[..ImportLimits.MaxValueChars];
                }

                rowChars += span.Length;
                if (rowChars > ImportLimits.MaxRowChars)
                {
                    overflow ??= ImportLimits.RowTooLong();
                    Array.Resize(ref fields, i);
                    break;
                }

                fields[i] = span.Length == 0 ? "" : span.ToString();
            }

            error = bad > 0 ? Describe(problem, bad) : overflow;
            return true;
        }
    }

    private static int LineBreaks(ReadOnlySpan<char> raw)
    {
        var n = raw.Count('\n');
        if (raw.Contains('\r'))
        {
            n += raw.Count('\r') - raw.Count("\r\n");
        }

        return n;
    }

    private enum Problem
    {
        StrayQuote,
        TextAfterQuote,
        Unclosed,
    }

    private readonly record struct Found(Problem Kind, string Value);

    /// <summary>The 1-based column of the first malformed field of a record holding a quote, or 0 when it is well-formed.</summary>
    private int Check(ReadOnlySpan<char> raw, out Found found)
    {
        found = default;
        var pos = 0;
        for (var column = 1; ; column++)
        {
            if (pos < raw.Length && raw[pos] == '"')
            {
                var i = pos + 1;
                while (true)
                {
                    var q = raw[i..].IndexOf('"');
                    if (q < 0)
                    {
                        found = new(Problem.Unclosed, "");
                        return column;
                    }

                    i += q + 1;
                    if (i < raw.Length && raw[i] == '"')
                    {
                        i++;
                        continue;
                    }

                    break;
                }

                if (i < raw.Length && raw[i] != Delimiter && raw[i] is not '\r' and not '\n')
                {
                    found = new(Problem.TextAfterQuote, Field(raw, pos));
                    return column;
                }

                pos = i;
            }
            else
            {
                var stop = raw[pos..].IndexOfAny(_stops);
                if (stop >= 0 && raw[pos + stop] == '"')
                {
                    found = new(Problem.StrayQuote, Field(raw, pos));
                    return column;
                }

                pos = stop < 0 ? raw.Length : pos + stop;
            }

            if (pos >= raw.Length || raw[pos] != Delimiter)
            {
                return 0;
            }

            pos++;
        }
    }

    /// <summary>The raw text of a field up to the next delimiter or line end, for a message.</summary>
    private string Field(ReadOnlySpan<char> raw, int start)
    {
        var rest = raw[start..];
        var end = rest.IndexOfAny(Delimiter, '\r', '\n');
        return Shorten(end < 0 ? rest : rest[..end]);
    }

    private string Describe(Found found, int column)
    {
        var name = _header is not null && column <= _header.Count && _header[column - 1].Trim() is { Length: > 0 } h
            ? string.Create(CultureInfo.InvariantCulture, $"column {column} (\"{Shorten(h)}\")")
            : string.Create(CultureInfo.InvariantCulture, $"column {column}");
        return found.Kind switch
        {
            Problem.StrayQuote => $"Stray quote in {name}: \"{found.Value}\"; quote the whole value and double any quote inside it.",
            Problem.TextAfterQuote => $"Text follows the closing quote of {name}: {found.Value}; a quote inside a value must be doubled (\"\").",
            _ => $"A quote opened in {name} is never closed; the rest of the file was read as one value.",
        };
    }

    private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : string.Concat(s[..37], "...");

    public void Dispose()
    {
        _csv?.Dispose();
        _source.Dispose();
    }

    /// <summary>The characters already taken from the source to find the header, then the rest of the source.</summary>
    private sealed class ReplayReader(char[] buffer, int start, int end, TextReader source) : TextReader
    {
        private int _pos = start;

        public override int Read(char[] destination, int index, int count) => Read(destination.AsSpan(index, count));

        public override int Read(Span<char> destination)
        {
            if (_pos < end)
            {
                var n = Math.Min(destination.Length, end - _pos);
                buffer.AsSpan(_pos, n).CopyTo(destination);
                _pos += n;
                return n;
            }

            return source.Read(destination);
        }

        public override int Peek() => _pos < end ? buffer[_pos] : source.Peek();

        public override int Read() => _pos < end ? buffer[_pos++] : source.Read();
    }
}
