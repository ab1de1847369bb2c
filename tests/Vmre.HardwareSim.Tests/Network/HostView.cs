using Vmre.HardwareSim.Network;

namespace Vmre.HardwareSim.Tests.Network;

/// <summary>
/// What a person at the host sees with `ip netns list` and `ip link`: the tests check teardown
/// the way the Network README tells a person to look (issue 8 point 5).
/// </summary>
public static class HostView
{
    private static readonly IpCommand Ip = new();

    /// <summary>A run id no other test or run uses: the LANs of one test never meet another's.</summary>
    public static string NewRunId() => "t" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The named namespaces that belong to this run.</summary>
    public static IReadOnlyList<string> NamespacesOf(string runId) =>
        [.. Run("netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ')[0])
            .Where(name => name.StartsWith($"{LanPlan.Prefix}{runId}-", StringComparison.Ordinal))];

    /// <summary>The host namespace's own links, by name.</summary>
    public static IReadOnlyList<string> HostLinks() =>
        [.. Run("-o", "link", "show").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 3)[1].Trim().Split('@')[0])];

    public static string Run(params string[] args) => Ip.Run(args).ValueOrThrow();

    public static bool IsRunning(int pid) => OwnerProcess.Of(pid) is not null && !IsZombie(pid);

    private static bool IsZombie(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z'); }
        catch (IOException) { return false; }
    }
}
