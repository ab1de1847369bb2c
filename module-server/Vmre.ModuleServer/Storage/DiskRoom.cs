using Microsoft.Data.Sqlite;

namespace Vmre.ModuleServer.Storage;

/// <summary>
/// Room on the data folder's disk (issue 11 point 2). New check-ins are refused while free space
/// is below the reserve (--disk-reserve-mb), so the hourly counts, the closing records and the
/// acta can still be written; a state change whose log line or commit hit a full disk anyway is
/// refused with <see cref="FullReason"/> and changes nothing.
/// </summary>
public sealed class DiskRoom(string dataDir, long reserveBytes)
{
    public const string Full = "the module server's disk is full";

    public long ReserveBytes => reserveBytes;

    /// <summary>Free bytes for this process on the data folder's file system.</summary>
    public long Free => new DriveInfo(Path.GetFullPath(dataDir)).AvailableFreeSpace;

    /// <summary>True while free space is at least the reserve.</summary>
    public bool AboveReserve() => Free >= reserveBytes;

    /// <summary>The answer to a change refused for want of disk: "… <paramref name="what"/> are refused until space is freed".</summary>
    public static string FullReason(string what) => $"{Full}: {what} are refused until space is freed";

    /// <summary>
    /// True for a failure that means the disk could not take the write: an I/O error from the log
    /// (ENOSPC surfaces as IOException) or SQLite's SQLITE_FULL (13) / SQLITE_IOERR (10) family.
    /// </summary>
    public static bool IsFull(Exception e) => e switch
    {
        SqliteException s => (s.SqliteErrorCode & 0xFF) is 13 or 10,
        IOException => true,
        _ => false,
    };
}
