using System.Runtime.InteropServices;

namespace Stayline.Infrastructure;

/// <summary>
/// Everything Stayline writes holds people's data (the SQLite database and its -wal/-shm, the data folder,
/// uploads, document drafts, backups, the reminder outbox, exports): other accounts on the machine must not read
/// it. The process's umask is set to 077 once, at start, so every file is created 0600 and every folder 0700
/// whoever creates it (SQLite creates its -wal and -shm with the database file's mode); a database file made
/// by an earlier version is tightened when it is opened.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const uint GroupAndOthers = 0x3F; // 077

    /// <summary>Sets the umask (once per process; harmless to call again).</summary>
    public static void Apply()
    {
        if (!OperatingSystem.IsWindows())
        {
            Umask(GroupAndOthers);
        }
    }

    /// <summary>Takes group and other permissions off an existing file (a database made before this rule).</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & FileMode);
        }
    }

    /// <summary>A folder only this account may use: created 0700, or an existing one of ours tightened; a folder that
    /// another account owns (so that it could read or swap what is put there) is refused.</summary>
    /// <exception cref="InvalidOperationException">The folder exists and cannot be made owner-only.</exception>
    public static string PrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }

        Directory.CreateDirectory(path, FolderMode);
        if ((File.GetUnixFileMode(path) & ~FolderMode) != 0)
        {
            try
            {
                File.SetUnixFileMode(path, FolderMode);
            }
            catch (UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"The folder {path} belongs to another account and others can use it: choose another (Stayline__Uploads).");
            }
        }

        return path;
    }

    // A plain import: the signature is blittable, so no marshalling (and no unsafe code) is needed.
    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint Umask(uint mask);
}
