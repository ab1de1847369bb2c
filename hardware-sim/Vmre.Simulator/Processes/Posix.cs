using System.Runtime.InteropServices;

namespace Vmre.Simulator.Processes;

internal static partial class Posix
{
    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    public static void Terminate(int pid) => Kill(pid, 15);
}
