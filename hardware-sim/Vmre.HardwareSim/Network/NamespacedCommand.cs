using System.Diagnostics;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// A command started inside a network namespace with `ip netns exec NS CMD…` (issue 8 point 5).
/// `ip` enters the namespace and then execs the command in the same process (it forks only in
/// batch mode), so the pid the caller holds is the command's own: SIGTERM, SIGKILL, exit codes
/// and redirected output all work as for a command started directly.
/// </summary>
public static class NamespacedCommand
{
    /// <summary>Start information for FILE ARGS… inside the namespace; outputs redirected, no shell.</summary>
    public static ProcessStartInfo StartInfo(string ns, string file, IEnumerable<string> args, string ipPath = "ip")
    {
        var info = new ProcessStartInfo(ipPath)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in (string[])["netns", "exec", ns, file, .. args]) info.ArgumentList.Add(a);
        return info;
    }
}
