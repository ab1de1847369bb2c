using System.Diagnostics;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Lan;

/// <summary>
/// After the rig is disposed, `ip netns list` must name none of the run's namespaces (issue 8
/// point 5: everything torn down at the end, also when the day failed).
/// </summary>
public static class LanTornDown
{
    public static void Check(ModuleRig rig, Findings findings)
    {
        if (rig.Lan is null) return;
        var prefix = $"vmre-{rig.Lan.RunId}-";
        var listed = ListNamespaces();
        var left = listed?.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        findings.Check(left is { Count: 0 }, left is null
            ? "module LAN teardown could not be checked: `ip netns list` failed"
            : left.Count == 0 ? $"module LAN torn down: `ip netns list` names no {prefix}* namespace after the run"
            : $"module LAN not torn down: {string.Join(", ", left)} still listed");
    }

    private static List<string>? ListNamespaces()
    {
        var info = new ProcessStartInfo("ip", ["netns", "list"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var ip = Process.Start(info);
        if (ip is null) return null;
        var text = ip.StandardOutput.ReadToEnd();
        ip.WaitForExit();
        if (ip.ExitCode != 0) return null;
        // Each line is "NAME" or "NAME (id: N)".
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0])];
    }
}
