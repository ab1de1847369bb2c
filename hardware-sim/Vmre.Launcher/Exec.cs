using System.Runtime.InteropServices;

namespace Vmre.Launcher;

/// <summary>
/// execv(2) through libc: this process becomes the terminal, same PID, same stdin/stdout/stderr.
/// The signal mask is cleared first (the runtime's threads may block signals, and a blocked
/// SIGTERM would survive the exec) and SIGPIPE set back to its default.
/// </summary>
internal static partial class Exec
{
    /// <summary>An absolute or relative path as given; a bare name searched on PATH, like a shell.</summary>
    public static string? Resolve(string command)
    {
        if (command.Contains('/')) return File.Exists(command) ? Path.GetFullPath(command) : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>Only returns if execv failed, with its errno.</summary>
    public static unsafe int Replace(string executable, IReadOnlyList<string> argv)
    {
        var sigset = stackalloc byte[128]; // glibc sigset_t, empty
        PthreadSigmask(SigSetMask, sigset, null);
        Signal(SigPipe, IntPtr.Zero); // SIG_DFL
        var args = new IntPtr[argv.Count + 1];
        try
        {
            for (var i = 0; i < argv.Count; i++) args[i] = Marshal.StringToCoTaskMemUTF8(i == 0 ? executable : argv[i]);
            Execv(executable, args);
            return Marshal.GetLastPInvokeError();
        }
        finally
        {
            foreach (var a in args) if (a != IntPtr.Zero) Marshal.FreeCoTaskMem(a);
        }
    }

    private const int SigSetMask = 2, SigPipe = 13;

    [LibraryImport("libc", EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Execv(string path, IntPtr[] argv);

    [LibraryImport("libc", EntryPoint = "pthread_sigmask")]
    private static unsafe partial int PthreadSigmask(int how, byte* set, byte* oldSet);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial IntPtr Signal(int signum, IntPtr handler);
}
