using System.Runtime.InteropServices;

namespace Vmre.Devices.Tpm;

/// <summary>
/// The TCG stack opens its TPM connection (a TCP socket to swtpm, or /dev/tpmrm0) without
/// close-on-exec, so any process this one starts later inherits it. swtpm serves one connection
/// at a time: a child holding an inherited connection made every later FAPI context of that TPM
/// wait forever (seen in the suite: a sealing test hung in Fapi_Initialize while another test's
/// terminal process ran). After opening a context, every descriptor above stderr is marked
/// close-on-exec; .NET's own descriptors already are.
/// </summary>
internal static partial class InheritedDescriptors
{
    private const int GetFlags = 1;   // F_GETFD
    private const int SetFlags = 2;   // F_SETFD
    private const int CloseOnExecFlag = 1; // FD_CLOEXEC

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    public static void CloseOnExec()
    {
        IEnumerable<string> entries;
        try { entries = Directory.EnumerateFileSystemEntries("/proc/self/fd").ToList(); }
        catch (IOException) { return; }
        catch (UnauthorizedAccessException) { return; }
        foreach (var entry in entries)
        {
            if (!int.TryParse(Path.GetFileName(entry), out var fd) || fd < 3) continue;
            var flags = Fcntl(fd, GetFlags, 0);
            if (flags < 0 || (flags & CloseOnExecFlag) != 0) continue;
            Fcntl(fd, SetFlags, flags | CloseOnExecFlag);
        }
    }
}
