using System.Globalization;
using System.Text;

namespace Stayline.Domain.Importing;

/// <summary>
/// Reads delimited text (CSV and its cousins): the delimiter (, ; tab |) is the one the header line uses most
/// outside quotes; fields may be quoted with "" for a quote and line breaks inside quotes. A quote anywhere
/// else is reported as an error of that row rather than guessed around, because a stray quote usually means
/// the columns after it have shifted. The reader never throws on bad data: it returns the row's error and
/// carries on with the next line.
/// </summary>
public sealed class DelimitedReader
{
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _pos;
    private int _len;
    private char _delimiter;
    private string? _pendingHeaderLine;

    public DelimitedReader(TextReader reader) => _reader = reader;

    public char Delimiter => _delimiter;

    /// <summary>The spreadsheet row of the record last read (the header is row 1; blank lines are not counted).</summary>
    public int Row { get; private set; }

    /// <summary>Reads the header line and detects the delimiter; null when the file has no non-blank line.</summary>
    public IReadOnlyList<string>? ReadHeader(out string? error)
    {
        error = null;
        string? line;
        do
        {
            line = _reader.ReadLine();
        }
        while (line is not null && line.Trim().Length == 0);
        if (line is null)
        {
            return null;
        }

        if (line.Length >= _buffer.Length)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"The first line is {line.Length:N0} characters long; this is not a list with a header line.");
            return null;
        }

        _delimiter = DetectDelimiter(line);
        // Parse the header through the same state machine so quoted headers work.
        _pendingHeaderLine = line + "\n";
        Row = 0;
        if (!Read(out var header, out error))
        {
            return null;
        }

        return header;
    }

    public static char DetectDelimiter(string headerLine)
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
    /// Reads the next record. Returns false at the end of the input. When the record is malformed,
    /// returns true with <paramref name="error"/> set (fields then hold what could be read).
    /// </summary>
    public bool Read(out string[] fields, out string? error)
    {
        error = null;
        while (true)
        {
            _fields.Clear();
            _field.Clear();
            if (!EnsureData())
            {
                fields = [];
                return false;
            }

            var c = _buffer[_pos];
            if (c is '\r' or '\n')
            {
                SkipNewline();
                continue; // blank line
            }

            Row++;
            error = ReadRecord();
            fields = [.. _fields];
            return true;
        }
    }

    private string? ReadRecord()
    {
        var startRow = Row;
        while (true)
        {
            // One field.
            _field.Clear();
            if (EnsureData() && _buffer[_pos] == '"')
            {
                _pos++;
                while (true)
                {
                    if (!EnsureData())
                    {
                        _fields.Add(_field.ToString());
                        return string.Create(CultureInfo.InvariantCulture,
                            $"A quote opened in column {_fields.Count} on row {startRow} is never closed; the rest of the file was read as one value.");
                    }

                    var c = _buffer[_pos++];
                    if (c == '"')
                    {
                        if (EnsureData() && _buffer[_pos] == '"')
                        {
                            _field.Append('"');
                            _pos++;
                            continue;
                        }

                        break;
                    }

                    _field.Append(c);
                }

                _fields.Add(_field.ToString());
                if (!EnsureData())
                {
                    return null;
                }

                var next = _buffer[_pos];
                if (next == _delimiter)
                {
                    _pos++;
                    continue;
                }

                if (next is '\r' or '\n')
                {
                    SkipNewline();
                    return null;
                }

                var col = _fields.Count;
                SkipLine();
                return string.Create(CultureInfo.InvariantCulture,
                    $"Text follows the closing quote of column {col} (\"{Shorten(_fields[^1])}\"); a quote inside a value must be doubled (\"\").");
            }

            // Unquoted field: scan the buffer in runs for speed.
            while (true)
            {
                if (!EnsureData())
                {
                    _fields.Add(_field.ToString());
                    return null;
                }

                var start = _pos;
                while (_pos < _len)
                {
                    var c = _buffer[_pos];
                    if (c == _delimiter || c is '\r' or '\n' or '"')
                    {
                        break;
                    }

                    _pos++;
                }

                _field.Append(_buffer, start, _pos - start);
                if (_pos == _len)
                {
                    continue;
                }

                var stop = _buffer[_pos];
                if (stop == '"')
                {
                    var col = _fields.Count + 1;
                    var before = _field.ToString();
                    SkipLine();
                    return string.Create(CultureInfo.InvariantCulture,
                        $"Stray quote in column {col} after \"{Shorten(before)}\"; quote the whole value and double any quote inside it.");
                }

                _fields.Add(_field.ToString());
                if (stop == _delimiter)
                {
                    _pos++;
                    break;
                }

                SkipNewline();
                return null;
            }
        }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";

    private bool EnsureData()
    {
        if (_pos < _len)
        {
            return true;
        }

        if (_pendingHeaderLine is not null)
        {
            _pendingHeaderLine.CopyTo(0, _buffer, 0, _pendingHeaderLine.Length);
            _len = _pendingHeaderLine.Length;
            _pos = 0;
            _pendingHeaderLine = null;
            return true;
        }

        _len = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }

    private void SkipNewline()
    {
        if (_buffer[_pos] == '\r')
        {
            _pos++;
            if (EnsureData() && _buffer[_pos] == '\n')
            {
                _pos++;
            }
        }
        else
        {
            _pos++;
        }
    }

    private void SkipLine()
    {
        while (EnsureData())
        {
            var c = _buffer[_pos];
            if (c is '\r' or '\n')
            {
                SkipNewline();
                return;
            }

            _pos++;
        }
    }
}
