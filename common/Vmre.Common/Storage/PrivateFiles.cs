namespace Vmre.Common.Storage;

/// <summary>
/// Data files are the owner's alone (issue 11 point 6): 0600 files in 0700 folders, so the
/// voter list, the log and the records are not readable by another account on the device.
/// Modes are set at creation (no window in which a file exists world-readable) and tightened
/// on files an older version left 0644.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder 0700, or tightens an existing one to 0700.</summary>
    public static void Folder(string path)
    {
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(path); return; }
        if (!Directory.Exists(path)) Directory.CreateDirectory(path, FolderMode);
        else if (File.GetUnixFileMode(path) != FolderMode) File.SetUnixFileMode(path, FolderMode);
    }

    /// <summary>Creates an empty 0600 file if none is there, and tightens an existing one to 0600.</summary>
    public static void Ensure(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!File.Exists(path))
        {
            using (new FileStream(path, new FileStreamOptions
                { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode })) { }
            return;
        }
        Restrict(path);
    }

    /// <summary>Tightens an existing file to 0600 (a file written before issue 11).</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        if (File.GetUnixFileMode(path) != FileMode) File.SetUnixFileMode(path, FileMode);
    }

    /// <summary>Options for a new file only its owner can read (ignored where the OS has no modes).</summary>
    public static FileStreamOptions Create(System.IO.FileMode mode, FileAccess access, FileShare share = FileShare.None, int bufferSize = 4096)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return options;
    }
}
