using Vmre.Common.Serialization;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// Makes a planned LAN with iproute2 (issue 8 point 5). The bridge lives in its own namespace and
/// every veth pair is created straight between two of the run's namespaces, so the host's own
/// namespace never holds a single device of it; each part gets one address on the run's /24 and
/// no route beyond it.
/// </summary>
internal static class LanBuild
{
    /// <summary>Stops at the first step that fails, with its reason; the caller tears down what was made.</summary>
    public static Parsed<LanPlan> Make(IpCommand ip, LanPlan plan)
    {
        var bridgeNs = plan.BridgeNamespace;
        var first = ip.Run("netns", "add", bridgeNs);
        if (!first.IsOk) return Parsed<LanPlan>.Fail(NamespaceSupport.CannotMake(first.Error!));
        var steps = new List<string[]>
        {
            new[] { "-n", bridgeNs, "link", "add", LanPlan.BridgeDevice, "type", "bridge" },
            new[] { "-n", bridgeNs, "link", "set", LanPlan.BridgeDevice, "up" },
        };
        foreach (var part in plan.Parts)
        {
            var ns = plan.Namespace(part);
            var port = LanPlan.BridgePort(part);
            steps.Add(["netns", "add", ns]);
            steps.Add(["-n", ns, "link", "set", "lo", "up"]);
            steps.Add(["-n", bridgeNs, "link", "add", port, "type", "veth", "peer", "name", LanPlan.PartDevice, "netns", ns]);
            steps.Add(["-n", bridgeNs, "link", "set", port, "master", LanPlan.BridgeDevice]);
            steps.Add(["-n", bridgeNs, "link", "set", port, "up"]);
            steps.Add(["-n", ns, "addr", "add", $"{plan.Address(part)}/24", "dev", LanPlan.PartDevice]);
            steps.Add(["-n", ns, "link", "set", LanPlan.PartDevice, "up"]);
        }
        foreach (var step in steps)
        {
            var done = ip.Run(step);
            if (!done.IsOk) return Parsed<LanPlan>.Fail($"module LAN {plan.RunId} not made: {done.Error}");
        }
        return Parsed<LanPlan>.Ok(plan);
    }
}
