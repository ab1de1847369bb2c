using System.Runtime.InteropServices;

namespace Vmre.Launcher;

/// <summary>
/// execve(2) through libc: this process becomes the terminal, same PID, same stdin/stdout/stderr,
/// with only the allow-listed environment (<see cref="StartEnvironment"/>). The signal mask is
/// cleared first (the runtime's threads may block signals, and a blocked SIGTERM would survive the
/// exec) and SIGPIPE set back to its default.
/// </summary>
internal static partial class Exec
{
    /// <summary>
    /// A path as given, through realpath(3); the bare name `dotnet` from <see cref="DotnetHost"/>.
    /// No other bare name, and nothing from the caller's PATH (security review of issue 10 point 1).
    /// </summary>
    public static string? Resolve(string command)
    {
        if (command == "dotnet") return DotnetHost.Find();
        if (!command.Contains('/')) return null;
        return DotnetHost.RealPath(command) is { } real && File.Exists(real) ? real : null;
    }

    /// <summary>Only returns if execve failed, with its errno.</summary>
    public static unsafe int Replace(string executable, IReadOnlyList<string> argv, IReadOnlyList<string> environment)
    {
        var sigset = stackalloc byte[128]; // glibc sigset_t, empty
        PthreadSigmask(SigSetMask, sigset, null);
        Signal(SigPipe, IntPtr.Zero); // SIG_DFL
        var args = new IntPtr[argv.Count + 1];
        var env = new IntPtr[environment.Count + 1];
        try
        {
            for (var i = 0; i < argv.Count; i++) args[i] = Marshal.StringToCoTaskMemUTF8(i == 0 ? executable : argv[i]);
            for (var i = 0; i < environment.Count; i++) env[i] = Marshal.StringToCoTaskMemUTF8(environment[i]);
            Execve(executable, args, env);
            return Marshal.GetLastPInvokeError();
        }
        finally
        {
            foreach (var a in args) if (a != IntPtr.Zero) Marshal.FreeCoTaskMem(a);
            foreach (var e in env) if (e != IntPtr.Zero) Marshal.FreeCoTaskMem(e);
        }
    }

    private const int SigSetMask = 2, SigPipe = 13;

    [LibraryImport("libc", EntryPoint = "execve", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Execve(string path, IntPtr[] argv, IntPtr[] envp);

    [LibraryImport("libc", EntryPoint = "pthread_sigmask")]
    private static unsafe partial int PthreadSigmask(int how, byte* set, byte* oldSet);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial IntPtr Signal(int signum, IntPtr handler);
}
