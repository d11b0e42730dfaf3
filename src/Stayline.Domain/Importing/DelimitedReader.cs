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

    private static readonly char[] Quote = ['"'];

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _pos;
    private int _len;
    private char _delimiter;
    private int _rowChars;
    private string? _overflow;

    public DelimitedReader(TextReader reader) => _reader = reader;

    public char Delimiter => _delimiter;

    /// <summary>The spreadsheet row of the record last read (the header is row 1; blank lines are not counted).</summary>
    public int Row { get; private set; }

    /// <summary>Reads the header line and detects the delimiter; null when the file has no non-blank line.</summary>
    public IReadOnlyList<string>? ReadHeader(out string? error)
    {
        error = null;
        // The first non-blank line is found in the buffer (never longer than it): a file of one endless line must
        // not become one endless string.
        var start = _pos;
        var blank = true;
        while (true)
        {
            if (_pos == _len)
            {
                if (blank)
                {
                    start = _pos;
                }

                if (!FillKeeping(ref start))
                {
                    if (_len - start >= _buffer.Length)
                    {
                        error = string.Create(CultureInfo.InvariantCulture,
                            $"The first line is longer than {_buffer.Length:N0} characters; this is not a list with a header line.");
                        return null;
                    }

                    break;
                }

                continue;
            }

            var c = _buffer[_pos];
            if (c is '\r' or '\n')
            {
                if (!blank)
                {
                    break;
                }

                _pos++;
                start = _pos;
                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                blank = false;
            }

            _pos++;
        }

        if (blank)
        {
            return null;
        }

        _delimiter = DetectDelimiter(new string(_buffer, start, _pos - start));
        // Parse the header through the same state machine so quoted headers work.
        _pos = start;
        Row = 0;
        if (!Read(out var header, out error))
        {
            return null;
        }

        return header;
    }

    /// <summary>Moves the text from <paramref name="start"/> to the front of the buffer and reads more after it; false at the end of the input or when the buffer is full.</summary>
    private bool FillKeeping(ref int start)
    {
        var keep = _len - start;
        if (keep >= _buffer.Length)
        {
            return false;
        }

        Array.Copy(_buffer, start, _buffer, 0, keep);
        _pos -= start;
        start = 0;
        _len = keep;
        var n = _reader.Read(_buffer, keep, _buffer.Length - keep);
        if (n <= 0)
        {
            return false;
        }

        _len += n;
        return true;
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
            _rowChars = 0;
            _overflow = null;
            error = ReadRecord() ?? _overflow;
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
                        AddField();
                        return string.Create(CultureInfo.InvariantCulture,
                            $"A quote opened in column {_fields.Count} on row {startRow} is never closed; the rest of the file was read as one value.");
                    }

                    var c = _buffer[_pos++];
                    if (c == '"')
                    {
                        if (EnsureData() && _buffer[_pos] == '"')
                        {
                            Append(Quote, 0, 1);
                            _pos++;
                            continue;
                        }

                        break;
                    }

                    Append(_buffer, _pos - 1, 1);
                }

                AddField();
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
                    $"Text follows the closing quote of column {col} (\"{Shorten(_field.ToString())}\"); a quote inside a value must be doubled (\"\").");
            }

            // Unquoted field: scan the buffer in runs for speed.
            while (true)
            {
                if (!EnsureData())
                {
                    AddField();
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

                Append(_buffer, start, _pos - start);
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

                AddField();
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

    /// <summary>Keeps what fits the value and row limits; the rest is read past, and the row reported.</summary>
    private void Append(char[] buffer, int start, int count)
    {
        var room = Math.Min(ImportLimits.MaxValueChars - _field.Length, ImportLimits.MaxRowChars - _rowChars);
        if (count > room)
        {
            _overflow ??= room == ImportLimits.MaxRowChars - _rowChars ? ImportLimits.RowTooLong() : ImportLimits.ValueTooLong(_fields.Count + 1);
            count = Math.Max(0, room);
        }

        _field.Append(buffer, start, count);
        _rowChars += count;
    }

    private void AddField()
    {
        if (_fields.Count >= ImportLimits.MaxValues)
        {
            _overflow ??= ImportLimits.TooManyValues();
            return;
        }

        _fields.Add(_field.ToString());
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";

    private bool EnsureData()
    {
        if (_pos < _len)
        {
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
