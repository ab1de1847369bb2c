using Vmre.Common.Serialization;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// Whether this machine can make network namespaces, asked before anything is made. Each answer
/// is the exact reason, because the demo and the tests stop with it rather than fall back to the
/// host's network and hide the boundary (issue 8 point 5).
/// </summary>
public static class NamespaceSupport
{
    public static Parsed<IpCommand> Check(IpCommand ip)
    {
        var version = ip.Run("-V");
        if (!version.IsOk) return Parsed<IpCommand>.Fail(version.Error!);
        var euid = NetnsCalls.GetEuid();
        if (euid != 0)
            return Parsed<IpCommand>.Fail($"network namespaces need root, and this process runs as uid {euid}; " +
                                          "run as root (CI does) — the module LAN never falls back to the host network");
        return Parsed<IpCommand>.Ok(ip);
    }

    /// <summary>The reason when the first `ip netns add` fails (a container without CAP_SYS_ADMIN, a seccomp filter on unshare).</summary>
    public static string CannotMake(string ipError) =>
        $"network namespaces can't be made here: {ipError} — the module LAN never falls back to the host network";
}
