using System.Text;

namespace Stayline.Features.Matching;

/// <summary>Bad CSV input; the message names the file, line, column and value.</summary>
internal sealed class CsvInputException(string message) : Exception(message);

/// <summary>
/// A small, fast RFC 4180 reader: comma-separated, fields optionally in double quotes with "" for a
/// quote and line breaks allowed inside quotes. A quote anywhere else is an error, not guessed around,
/// because a stray quote usually means the columns after it have shifted.
/// </summary>
internal sealed class CsvFileReader : IDisposable
{
    private readonly StreamReader _reader;
    private readonly string _name;
    private readonly StringBuilder _field = new();
    private int _nextLine = 1;

    private CsvFileReader(string path, StreamReader reader)
    {
        _name = Path.GetFileName(path);
        _reader = reader;
        Header = [];
    }

    public IReadOnlyList<string> Header { get; private set; }

    /// <summary>Line number (1-based, header is line 1) where the last record read starts.</summary>
    public int Line { get; private set; }

    public string FileName => _name;

    public static CsvFileReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new CsvInputException($"{path}: file not found.");
        }

        var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvFileReader(path, reader);
        try
        {
            var header = new List<string>();
            if (!csv.Read(header) || header.All(string.IsNullOrWhiteSpace))
            {
                throw new CsvInputException($"{csv._name}: the file is empty; expected a header line.");
            }

            csv.Header = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            return csv;
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>Index of each required column; throws naming the first one missing.</summary>
    public int[] RequireColumns(params string[] names)
    {
        var result = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            result[i] = IndexOf(names[i]);
            if (result[i] < 0)
            {
                throw new CsvInputException(
                    $"{_name} line 1: missing column \"{names[i]}\"; the header must include {string.Join(",", names)} (found: {string.Join(",", Header)}).");
            }
        }

        return result;
    }

    public int IndexOf(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the file. Blank lines are skipped.</summary>
    public bool Read(List<string> fields)
    {
        while (true)
        {
            fields.Clear();
            var line = _reader.ReadLine();
            if (line is null)
            {
                return false;
            }

            Line = _nextLine++;
            if (line.Length == 0)
            {
                continue;
            }

            ParseRecord(line, fields);
            return true;
        }
    }

    private void ParseRecord(string line, List<string> fields)
    {
        var pos = 0;
        while (true)
        {
            if (pos < line.Length && line[pos] == '"')
            {
                pos = ReadQuoted(ref line, pos + 1, fields.Count + 1);
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else
            {
                var comma = line.IndexOf(',', pos);
                var end = comma < 0 ? line.Length : comma;
                var quote = line.IndexOf('"', pos, end - pos);
                if (quote >= 0)
                {
                    throw new CsvInputException(
                        $"{_name} line {Line}, column {ColumnName(fields.Count)}: stray quote in \"{Clip(line.AsSpan(pos, end - pos))}\"; quote the whole field and double any quote inside it.");
                }

                fields.Add(line.Substring(pos, end - pos).TrimEnd('\r'));
                pos = end;
            }

            if (pos >= line.Length)
            {
                return;
            }

            if (line[pos] != ',')
            {
                throw new CsvInputException(
                    $"{_name} line {Line}, column {ColumnName(fields.Count - 1)}: stray text after a closing quote: \"{Clip(line.AsSpan(pos))}\".");
            }

            pos++;
            if (pos == line.Length)
            {
                fields.Add(string.Empty);
                return;
            }
        }
    }

    // Returns the position after the closing quote; may pull further physical lines into `line`.
    private int ReadQuoted(ref string line, int pos, int column)
    {
        var startLine = Line;
        while (true)
        {
            var quote = line.IndexOf('"', pos);
            if (quote < 0)
            {
                _field.Append(line, pos, line.Length - pos).Append('\n');
                var next = _reader.ReadLine();
                if (next is null)
                {
                    throw new CsvInputException(
                        $"{_name} line {startLine}, column {ColumnName(column - 1)}: a quoted field is never closed (stray quote).");
                }

                _nextLine++;
                line = next;
                pos = 0;
                continue;
            }

            _field.Append(line, pos, quote - pos);
            if (quote + 1 < line.Length && line[quote + 1] == '"')
            {
                _field.Append('"');
                pos = quote + 2;
                continue;
            }

            return quote + 1;
        }
    }

    private string ColumnName(int index) =>
        index >= 0 && index < Header.Count ? $"\"{Header[index]}\"" : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Clip(ReadOnlySpan<char> text) => text.Length <= 60 ? text.ToString() : string.Concat(text[..57], "...");

    public void Dispose() => _reader.Dispose();
}

/// <summary>Writes CSV to a temporary file beside the target and moves it into place only when complete.</summary>
internal sealed class AtomicCsvWriter : IDisposable
{
    private readonly string _target;
    private readonly string _temp;
    private readonly StreamWriter _writer;
    private bool _committed;

    public AtomicCsvWriter(string target)
    {
        _target = Path.GetFullPath(target);
        var dir = Path.GetDirectoryName(_target) ?? ".";
        if (!Directory.Exists(dir))
        {
            throw new CsvInputException($"{target}: the output folder does not exist.");
        }

        _temp = Path.Combine(dir, $".{Path.GetFileName(_target)}.{Guid.NewGuid():N}.tmp");
        _writer = new StreamWriter(_temp, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
    }

    public TextWriter Writer => _writer;

    public void Commit()
    {
        _writer.Flush();
        _writer.Dispose();
        File.Move(_temp, _target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            _writer.Dispose();
            File.Delete(_temp);
        }
    }
}

internal static class Csv
{
    public static void WriteRow(TextWriter w, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                w.Write(',');
            }

            WriteField(w, fields[i]);
        }

        w.Write('\n');
    }

    /// <summary>Neutralised and quoted exactly as the web exports write a cell (<see cref="Reports.TableWriter.CsvField"/>).</summary>
    public static void WriteField(TextWriter w, string value) => w.Write(Reports.TableWriter.CsvField(value));
}
