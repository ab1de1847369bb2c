using System.Diagnostics;
using System.Globalization;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// Removes a run's namespaces (issue 8 point 5: torn down always). A namespace lives on, unnamed,
/// while any process is still in it, so whatever the run left running inside is killed first;
/// deleting the bridge namespace then destroys every veth pair with it. Deleting what is already
/// gone is not an error: a Dispose, a signal and the next run's sweep may all try.
/// </summary>
public static class LanTeardown
{
    /// <summary>Tears down the namespaces; the problems met (none when all went), for the caller to report.</summary>
    public static IReadOnlyList<string> Remove(IpCommand ip, IEnumerable<string> namespaces)
    {
        var problems = new List<string>();
        foreach (var ns in namespaces)
        {
            KillEverythingIn(ip, ns);
            var deleted = ip.Run("netns", "delete", ns);
            if (!deleted.IsOk && !deleted.Error!.Contains("No such file", StringComparison.Ordinal))
                problems.Add(deleted.Error);
        }
        return problems;
    }

    /// <summary>
    /// The processes inside one of the project's namespaces are the run's own parts (started there
    /// by it); SIGKILL, because a part of a dead run has no one left to finish for.
    /// </summary>
    private static void KillEverythingIn(IpCommand ip, string ns)
    {
        var pids = ip.Run("netns", "pids", ns);
        if (!pids.IsOk) return; // no such namespace: nothing inside it either
        foreach (var line in pids.Value!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(line, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(TimeSpan.FromSeconds(5)); // a zombie no longer holds the namespace
            }
            catch (ArgumentException) { } // already gone
            catch (InvalidOperationException) { }
        }
    }
}
