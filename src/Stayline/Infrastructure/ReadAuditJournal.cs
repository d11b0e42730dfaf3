using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Stayline.Domain.Work;

namespace Stayline.Infrastructure;

/// <summary>
/// The read-audit journal of a SQLite database: a folder beside the database file (<c>stayline.db-reads</c>) of
/// append-only segment files, one JSON line per read. A request's reads are appended (one write to the file, in
/// the operating system's hands before the response is sent, so a kill of Stayline loses none) and
/// <see cref="ReadAuditJournalMover"/> moves sealed segments into <c>audit_events</c> twice a second.
/// <para>Why not insert into SQLite directly (ADR 0007): SQLite has one writer at a time, so a recompute or an import
/// holding the write lock for seconds made every read of a person wait for it and be refused after 5 s; and a
/// commit per few reads cost more than the read itself. Appending to a file never waits for the database.</para>
/// <para>Each process writes its own segments and holds an exclusive lock on the one it is writing, so a command
/// run beside the server never moves a segment still being written. A segment is synced to disk when sealed: a
/// power cut can lose at most the reads of the last <see cref="ReadAuditOptions.SyncEvery"/>.</para>
/// </summary>
public sealed class ReadAuditJournal : IDisposable
{
    public const string Extension = ".log";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _ownEvents = new(StringComparer.Ordinal);
    private FileStream? _current;
    private string? _currentName;
    private int _currentEvents;
    private long _pending;
    private int _sequence;
    private bool _folderReady;

    public ReadAuditJournal(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>The journal folder of a SQLite database file.</summary>
    public static string FolderFor(string sqlitePath) => sqlitePath + "-reads";

    /// <summary>Reads appended by this process and not yet moved into the database.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Appends the reads; when this returns they are in the file (the operating system holds them).</summary>
    /// <exception cref="IOException">The file could not be written (disk full, folder removed).</exception>
    public void Append(IReadOnlyList<AuditEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * events.Count);
        using (var json = new Utf8JsonWriter(buffer))
        {
            foreach (var e in events)
            {
                WriteLine(json, e);
                json.Flush();
                json.Reset();
                buffer.Write("\n"u8);
            }
        }

        lock (_gate)
        {
            _current ??= OpenSegment();
            _current.Write(buffer.WrittenSpan);
            _currentEvents += events.Count;
            _ownEvents[_currentName!] = _currentEvents;
        }

        Interlocked.Add(ref _pending, events.Count);
    }

    /// <summary>Closes the segment being written (synced to disk) so that it can be moved; the next read starts a new one.</summary>
    public void Seal()
    {
        FileStream? sealedFile;
        lock (_gate)
        {
            sealedFile = _current;
            _current = null;
            _currentName = null;
            _currentEvents = 0;
        }

        if (sealedFile is not null)
        {
            sealedFile.Flush(flushToDisk: true);
            sealedFile.Dispose();
        }
    }

    /// <summary>Segments on disk that no one is writing to through this journal, oldest first (another process's
    /// segment in use is refused when opened: see <see cref="TryOpen"/>).</summary>
    public IReadOnlyList<string> Sealed()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        string? current;
        lock (_gate)
        {
            current = _currentName;
        }

        return Directory.EnumerateFiles(Folder, "*" + Extension)
            .Where(p => !string.Equals(Path.GetFileName(p), current, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Opens a segment for moving, exclusively; null when another process still writes it (or it is gone).</summary>
    public static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The reads of a segment. A last line cut short (only a power cut or a full disk leaves one) is reported, not read.</summary>
    public static (List<AuditEvent> Events, int Unreadable) Read(Stream segment)
    {
        var events = new List<AuditEvent>();
        var unreadable = 0;
        using var reader = new StreamReader(segment, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                events.Add(ParseLine(line));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                unreadable++;
            }
        }

        return (events, unreadable);
    }

    /// <summary>This process's segment has been moved: its reads are no longer pending.</summary>
    public void Moved(string path)
    {
        lock (_gate)
        {
            if (_ownEvents.Remove(Path.GetFileName(path), out var count))
            {
                Interlocked.Add(ref _pending, -count);
            }
        }
    }

    public void Dispose() => Seal();

    private FileStream OpenSegment()
    {
        if (!_folderReady)
        {
            OwnerOnlyFiles.PrivateFolder(Folder);
            _folderReady = true;
        }

        // Sortable by time; the process id and a counter keep names unique across processes and within a millisecond.
        _currentName = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Environment.ProcessId}-{++_sequence:D6}{Extension}");
        _currentEvents = 0;
        // No buffer: each append is one write to the file, so it is out of this process when the request is answered.
        return new FileStream(Path.Combine(Folder, _currentName), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
    }

    private static void WriteLine(Utf8JsonWriter json, AuditEvent e)
    {
        json.WriteStartObject();
        json.WriteString("at", e.At);
        WriteOptional(json, "userId", e.UserId);
        WriteOptional(json, "userName", e.UserName);
        json.WriteString("action", e.Action);
        json.WriteString("entityType", e.EntityType);
        WriteOptional(json, "entityId", e.EntityId);
        if (e.PersonId is { } personId)
        {
            json.WriteNumber("personId", personId);
        }

        WriteOptional(json, "before", e.Before);
        WriteOptional(json, "after", e.After);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static AuditEvent ParseLine(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var v) ? v.GetString() : null;
        return new AuditEvent(root.GetProperty("at").GetDateTimeOffset(), Text("userId"), Text("userName"),
            root.GetProperty("action").GetString()!, root.GetProperty("entityType").GetString()!, Text("entityId"),
            root.TryGetProperty("personId", out var p) ? p.GetInt64() : null, Text("before"), Text("after"));
    }
}
