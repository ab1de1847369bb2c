using System.Net;
using Vmre.HardwareSim.Network;

namespace Vmre.Simulator.Lan;

/// <summary>
/// The demo's module LAN (issue 8 point 5): one network namespace for the module server, one per
/// terminal and one for the intruder, joined by a bridge (<see cref="ModuleLan"/>). Each kiosk face
/// listens on its own namespace's loopback, so the simulated voters and officials reach it only
/// through that namespace's <see cref="NamespaceConnector"/>. Where namespaces can't be made the
/// demo stops with the reason: a fallback to the host's network would hide the boundary it shows.
/// </summary>
public sealed class RigLan : IDisposable
{
    public const string ServerPart = "srv";
    public const string IntruderPart = "x";

    private readonly ModuleLan _lan;
    private readonly Dictionary<string, NamespaceConnector> _connectors = [];
    private readonly List<string> _roles = [];

    private RigLan(ModuleLan lan) => _lan = lan;

    /// <summary>The part name of terminal number <paramref name="n"/> (1-based).</summary>
    public static string TerminalPart(int n) => $"t{n}";

    /// <summary>Makes the LAN for a server, <paramref name="terminals"/> terminals and the intruder; throws with the reason it can't.</summary>
    public static RigLan Create(int terminals)
    {
        // A run id of its own, so a demo and a test running at once never share a LAN.
        var runId = "d" + Guid.NewGuid().ToString("N")[..8];
        string[] parts = [ServerPart, .. Enumerable.Range(1, terminals).Select(TerminalPart), IntruderPart];
        var made = ModuleLan.Create(runId, parts);
        if (!made.IsOk)
            throw new SimulationFailure("the module LAN could not be made, so the demo stops here (no fallback to the host's network, "
                + "issue 8 point 5): " + made.Error);
        return new RigLan(made.Value!);
    }

    public string RunId => _lan.RunId;
    public string Namespace(string part) => _lan.Namespace(part);
    public IPAddress Address(string part) => _lan.Address(part);

    /// <summary>The part's connector, made once and kept until the LAN goes (connectors go first).</summary>
    public NamespaceConnector Connector(string part)
    {
        lock (_connectors)
        {
            if (_connectors.TryGetValue(part, out var made)) return made;
            var connector = _lan.Connector(part).ValueOrThrow();
            _connectors[part] = connector;
            return connector;
        }
    }

    /// <summary>An HTTP handler whose connections start inside the part's namespace.</summary>
    public SocketsHttpHandler Handler(string part) => Connector(part).Handler();

    /// <summary>A Chromium launcher for Playwright's ExecutablePath that runs inside the part (the browser tests, <see cref="NamespacedBrowser"/>).</summary>
    public string BrowserPath(string part, string directory) => _lan.BrowserPath(part, directory).ValueOrThrow();

    /// <summary>Notes what runs in a part, for the summary.</summary>
    public void Describe(string part, string what) =>
        _roles.Add($"  {Namespace(part)}  {Address(part)}  {what}");

    /// <summary>What the run used, in words (summary.txt); kept after the LAN is gone.</summary>
    public IReadOnlyList<string> Description() =>
        [$"module LAN {_lan.Subnet} (bridge in {_lan.BridgeNamespace}), one network namespace per part:", .. _roles];

    /// <summary>Connectors first: a socket or a connector's thread would keep its namespace alive.</summary>
    public void Dispose()
    {
        lock (_connectors)
        {
            foreach (var c in _connectors.Values) c.Dispose();
            _connectors.Clear();
        }
        _lan.Dispose();
    }
}
