using System.Collections;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Stayline.Data.Bulk;
using Stayline.Domain.Importing;
using Stayline.Domain.People;

namespace Stayline.Features.Import;

/// <summary>
/// Every error of an import, in the order found. The first ones stay in memory; past those they go to a temporary
/// file (one JSON line each, an offset each), so a list where every one of millions of rows is wrong is still
/// listed whole, a page at a time, without holding it. Values are cut to <see cref="MaxValueChars"/>.
/// </summary>
public sealed class ImportErrorList : IReadOnlyList<ImportError>, IDisposable
{
    public const int InMemory = 10_000;
    public const int MaxValueChars = 200;

    private readonly List<ImportError> _first = [];
    private readonly List<long> _offsets = [];
    private readonly int _inMemory;
    private FileStream? _file;
    private int _lastRow = -1;

    public ImportErrorList(int inMemory = InMemory) => _inMemory = inMemory;

    public ImportErrorList(IEnumerable<ImportError> errors)
        : this()
    {
        foreach (var e in errors)
        {
            Add(e);
        }
    }

    public int Count => _first.Count + _offsets.Count;

    /// <summary>Rows with at least one error (errors of one row come together).</summary>
    public int Rows { get; private set; }

    public void Add(ImportError error)
    {
        if (error.Value is { Length: > MaxValueChars } v)
        {
            error = error with { Value = v[..(MaxValueChars - 3)] + "..." };
        }

        if (error.Row != _lastRow && error.Row > 0)
        {
            Rows++;
            _lastRow = error.Row;
        }

        if (_first.Count < _inMemory)
        {
            _first.Add(error);
            return;
        }

        _file ??= new FileStream(Path.Combine(Path.GetTempPath(), "stayline-errors-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _file.Seek(0, SeekOrigin.End);
        _offsets.Add(_file.Position);
        var line = JsonSerializer.SerializeToUtf8Bytes(error);
        _file.Write(line);
        _file.WriteByte((byte)'\n');
    }

    public ImportError this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (index < _first.Count)
            {
                return _first[index];
            }

            var k = index - _first.Count;
            var start = _offsets[k];
            var end = k + 1 < _offsets.Count ? _offsets[k + 1] : _file!.Length;
            var bytes = new byte[end - start - 1];
            _file!.Seek(start, SeekOrigin.Begin);
            _file.ReadExactly(bytes);
            return JsonSerializer.Deserialize<ImportError>(bytes)!;
        }
    }

    public IEnumerator<ImportError> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => _file?.Dispose();
}

/// <summary>
/// The valid rows of an import's first pass, written to a temporary file as the values of the person each makes
/// (<see cref="PeopleWrite.Spilled"/>: the columns the bulk writer takes from the entity), so the second pass writes
/// them a slice at a time instead of keeping every row in memory between the passes.
/// </summary>
internal sealed class ValidRowSpill(IModel model) : IDisposable
{
    private readonly FileStream _file = new(Path.Combine(Path.GetTempPath(), "stayline-rows-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew,
        FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    private readonly EntityValues<Person> _values = PeopleWrite.Spilled(model);
    private BinaryWriter? _writer;

    public int Count { get; private set; }

    public void Add(ImportedPerson row, DateOnly today)
    {
        var p = row.Built ?? Person.Create(row.Input, today, DateTimeOffset.UnixEpoch).Person
            ?? throw new InvalidOperationException("A row that passed its checks builds a person.");
        _writer ??= new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true);
        _writer.Write(row.Row);
        _writer.Write(row.FacilityId ?? -1);
        _writer.Write((row.DetainedSince ?? today).DayNumber);
        _values.Write(_writer, p);
        Count++;
    }

    /// <summary>The rows in file order, a slice of at most <paramref name="size"/> at a time, leaving out <paramref name="skip"/> (by row number).</summary>
    public IEnumerable<IReadOnlyList<NewPerson>> Slices(int size, IReadOnlySet<int> skip)
    {
        _writer?.Flush();
        _file.Seek(0, SeekOrigin.Begin);
        using var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
        var slice = new List<NewPerson>(Math.Min(size, Count));
        for (var i = 0; i < Count; i++)
        {
            var row = reader.ReadInt32();
            var facility = reader.ReadInt64();
            var detainedSince = DateOnly.FromDayNumber(reader.ReadInt32());
            var person = new NewPerson(_values.Read(reader), facility >= 0 ? facility : null, detainedSince);
            if (skip.Contains(row))
            {
                continue;
            }

            slice.Add(person);
            if (slice.Count == size)
            {
                yield return slice;
                slice = new List<NewPerson>(size);
            }
        }

        if (slice.Count > 0)
        {
            yield return slice;
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _file.Dispose();
    }
}
