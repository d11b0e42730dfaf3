using System.Text;

namespace Stayline.Features.Matching;

/// <summary>Bad CSV input; the message names the file, line, column and value.</summary>
internal sealed class CsvInputException(string message) : Exception(message);

/// <summary>
/// A comma-separated file with a header line, read through the one CSV reader (<see cref="Tables.CsvReader"/>):
/// the first malformed record stops the command with a message naming the file, line, column and value.
/// </summary>
internal sealed class CsvFileReader : IDisposable
{
    private readonly Tables.CsvReader _reader;
    private readonly string _name;

    private CsvFileReader(string path, Tables.CsvReader reader)
    {
        _name = Path.GetFileName(path);
        _reader = reader;
        Header = [];
    }

    public IReadOnlyList<string> Header { get; private set; }

    /// <summary>Line number (1-based, header is line 1) where the last record read starts.</summary>
    public int Line => _reader.Line;

    public string FileName => _name;

    public static CsvFileReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new CsvInputException($"{path}: file not found.");
        }

        var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvFileReader(path, new Tables.CsvReader(text, ','));
        try
        {
            var header = csv._reader.ReadHeader(out var error);
            if (error is not null)
            {
                throw new CsvInputException($"{csv._name} line {csv.Line}: {error}");
            }

            if (header is null)
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
        fields.Clear();
        if (!_reader.Read(out var values, out var error))
        {
            return false;
        }

        if (error is not null)
        {
            throw new CsvInputException($"{_name} line {Line}: {error}");
        }

        fields.AddRange(values);
        return true;
    }

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
