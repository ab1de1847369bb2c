using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using Vmre.Common.Serialization;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// One run's module LAN (issue 8 point 5): a network namespace per part (server, terminals, the
/// intruder) joined by a bridge in a namespace of its own, addresses only inside them. Torn down
/// on Dispose, on SIGINT/SIGTERM/SIGHUP and at process exit; after a SIGKILL or a power cut the
/// next <see cref="Create"/> sweeps it, because every run records what it makes before making it.
/// Where namespaces can't be made, <see cref="Create"/> fails with the reason: never the host network.
/// </summary>
public sealed class ModuleLan : IDisposable
{
    private readonly LanPlan _plan;
    private readonly IpCommand _ip;
    private readonly string _recordPath;
    private readonly PosixSignalRegistration[] _signals;
    private readonly Lock _gate = new();
    private bool _removed;

    private ModuleLan(LanPlan plan, IpCommand ip, string recordPath)
    {
        _plan = plan;
        _ip = ip;
        _recordPath = recordPath;
        // Not cancelled: the signal's usual end follows, with the LAN already gone.
        _signals = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(s => PosixSignalRegistration.Create(s, _ => RemoveQuietly()))];
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public string RunId => _plan.RunId;
    public IReadOnlyList<string> Parts => _plan.Parts;
    public string Subnet => _plan.Subnet;
    public string BridgeNamespace => _plan.BridgeNamespace;
    public IPAddress Address(string part) => _plan.Address(part);
    public string Namespace(string part) => _plan.Namespace(part);

    /// <summary>Start information for FILE ARGS… inside the part's namespace (<see cref="NamespacedCommand"/>).</summary>
    public ProcessStartInfo StartInfo(string part, string file, IEnumerable<string> args) =>
        NamespacedCommand.StartInfo(Namespace(part), file, args, _ip.Path);

    /// <summary>Sockets and HTTP from this process as if inside the part (<see cref="NamespaceConnector"/>); dispose it before the LAN.</summary>
    public Parsed<NamespaceConnector> Connector(string part) => NamespaceConnector.Enter(Namespace(part));

    /// <summary>A Chromium launcher for Playwright that runs inside the part (<see cref="NamespacedBrowser"/>).</summary>
    public Parsed<string> BrowserPath(string part, string directory) =>
        NamespacedBrowser.ExecutablePath(Namespace(part), directory, ipPath: _ip.Path);

    /// <summary>
    /// Sweeps what dead runs left, then makes this run's LAN. Fails, having made nothing that
    /// stays, when the names are wrong, the run id is a live run's, or namespaces can't be made here.
    /// </summary>
    public static Parsed<ModuleLan> Create(string runId, IEnumerable<string> partNames, LanSettings? settings = null)
    {
        settings ??= LanSettings.Default;
        var names = LanPlan.For(runId, partNames, 0);
        if (!names.IsOk) return Parsed<ModuleLan>.Fail(names.Error!);
        var supported = NamespaceSupport.Check(new IpCommand(settings.IpPath));
        if (!supported.IsOk) return Parsed<ModuleLan>.Fail(supported.Error!);
        var ip = supported.Value!;

        Directory.CreateDirectory(settings.RecordDirectory);
        var live = LeftoverSweep.Run(ip, settings.RecordDirectory);
        if (live.Any(r => r.RunId == runId))
            return Parsed<ModuleLan>.Fail($"module LAN {runId} belongs to a run still alive");
        var subnet = Enumerable.Range(1, 254).Cast<int?>().FirstOrDefault(n => live.All(r => r.SubnetIndex != n));
        if (subnet is null) return Parsed<ModuleLan>.Fail("every 10.231.N.0/24 is taken by a live run");
        var plan = LanPlan.For(runId, names.Value!.Parts, subnet.Value).ValueOrThrow();

        var record = new LanRecord(runId, OwnerProcess.Current, plan.SubnetIndex, plan.Namespaces);
        record.Write(settings.RecordDirectory);
        var recordPath = LanRecord.PathFor(settings.RecordDirectory, runId);
        var made = LanBuild.Make(ip, plan);
        if (!made.IsOk)
        {
            var problems = LanTeardown.Remove(ip, plan.Namespaces);
            if (problems.Count == 0) File.Delete(recordPath);
            return Parsed<ModuleLan>.Fail(string.Join("; ", [made.Error!, .. problems]));
        }
        return Parsed<ModuleLan>.Ok(new ModuleLan(plan, ip, recordPath));
    }

    /// <summary>Removes every namespace and link of the run; throws if one could not be removed.</summary>
    public void Dispose()
    {
        var problems = Remove();
        if (problems.Count > 0)
            throw new InvalidOperationException($"module LAN {RunId} not fully torn down: {string.Join("; ", problems)}");
    }

    private IReadOnlyList<string> Remove()
    {
        lock (_gate)
        {
            if (_removed) return [];
            _removed = true;
            foreach (var s in _signals) s.Dispose();
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            var problems = LanTeardown.Remove(_ip, _plan.Namespaces);
            // A record stays while something is left, so the next start tries again.
            if (problems.Count == 0) File.Delete(_recordPath);
            return problems;
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => RemoveQuietly();

    /// <summary>At a signal or exit nobody is left to catch an exception: the reason goes to stderr.</summary>
    private void RemoveQuietly()
    {
        var problems = Remove();
        if (problems.Count > 0) Console.Error.WriteLine($"module LAN {RunId}: {string.Join("; ", problems)}");
    }
}
