using System.Net;
using System.Text.RegularExpressions;
using Vmre.Common.Serialization;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// The names and addresses of one run's module LAN, before anything is made (issue 8 point 5):
/// namespace `vmre-RUN-PART` per part, `vmre-RUN-lan` for the bridge, and 10.231.N.0/24 with the
/// parts at .1, .2, … in the order given. Every name starts with `vmre-RUN-` so a person (and the
/// teardown) can tell the project's namespaces from anyone else's.
/// </summary>
public sealed partial record LanPlan
{
    public const string Prefix = "vmre-";
    public const string BridgeSuffix = "lan";
    /// <summary>The bridge device, inside the bridge namespace.</summary>
    public const string BridgeDevice = "br0";
    /// <summary>Each part's end of its veth pair, inside the part's namespace.</summary>
    public const string PartDevice = "lan0";
    public const int MaxParts = 250;

    private LanPlan(string runId, IReadOnlyList<string> parts, int subnetIndex)
    {
        RunId = runId;
        Parts = parts;
        SubnetIndex = subnetIndex;
    }

    public string RunId { get; }
    public IReadOnlyList<string> Parts { get; }
    /// <summary>N in 10.231.N.0/24.</summary>
    public int SubnetIndex { get; }

    public string Subnet => $"10.231.{SubnetIndex}.0/24";
    public string BridgeNamespace => NamespaceOf(BridgeSuffix);

    /// <summary>The parts' namespaces, then the bridge's: the order they are torn down in.</summary>
    public IReadOnlyList<string> Namespaces => [.. Parts.Select(NamespaceOf), BridgeNamespace];

    public string Namespace(string part) => NamespaceOf(Known(part));

    public IPAddress Address(string part) => IPAddress.Parse($"10.231.{SubnetIndex}.{IndexOf(part) + 1}");

    /// <summary>The bridge's end of a part's veth pair: interface names are at most 15 bytes.</summary>
    public static string BridgePort(string part) => "p-" + part;

    /// <summary>
    /// Checks the names: a run id of 1–16 lower-case letters or digits, part names of 1–12 starting
    /// with a letter, unique, not the bridge's own suffix.
    /// </summary>
    public static Parsed<LanPlan> For(string runId, IEnumerable<string> partNames, int subnetIndex)
    {
        if (!RunIdShape().IsMatch(runId))
            return Parsed<LanPlan>.Fail($"run id '{runId}' must be 1–16 lower-case letters or digits");
        var parts = partNames.ToList();
        if (parts.Count is 0 or > MaxParts)
            return Parsed<LanPlan>.Fail($"a module LAN has 1 to {MaxParts} parts, not {parts.Count}");
        foreach (var part in parts)
        {
            if (!PartShape().IsMatch(part))
                return Parsed<LanPlan>.Fail($"part name '{part}' must be a lower-case letter then up to 11 letters or digits");
            if (part == BridgeSuffix)
                return Parsed<LanPlan>.Fail($"part name '{BridgeSuffix}' is the bridge's own namespace");
        }
        var twice = parts.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) return Parsed<LanPlan>.Fail($"part name '{twice.Key}' is given twice");
        if (subnetIndex is < 0 or > 255) return Parsed<LanPlan>.Fail($"subnet 10.231.{subnetIndex}.0/24 does not exist");
        return Parsed<LanPlan>.Ok(new LanPlan(runId, parts, subnetIndex));
    }

    private string NamespaceOf(string suffix) => $"{Prefix}{RunId}-{suffix}";

    private int IndexOf(string part)
    {
        var i = Parts.ToList().IndexOf(part);
        return i >= 0 ? i : throw new ArgumentException($"'{part}' is not a part of LAN {RunId}", nameof(part));
    }

    private string Known(string part) => Parts[IndexOf(part)];

    [GeneratedRegex("^[a-z0-9]{1,16}$")]
    private static partial Regex RunIdShape();

    [GeneratedRegex("^[a-z][a-z0-9]{0,11}$")]
    private static partial Regex PartShape();
}
