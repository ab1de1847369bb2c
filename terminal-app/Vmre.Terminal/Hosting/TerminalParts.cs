using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Logging;
using Vmre.Common.Time;
using Vmre.Devices.CodeScanner;
using Vmre.Devices.GpioSignals;
using Vmre.Devices.OfficialCardReader;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;
using Vmre.Devices.Tpm;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Hosting;

/// <summary>
/// The running terminal's parts, as <see cref="TerminalHost.Build"/> wired them: what the web
/// app serves and what a test may inspect. Disposing releases them in reverse order of
/// creation (scanner and printer first, the event log last).
/// </summary>
public sealed class TerminalParts : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private bool _disposed;

    public TerminalIdentity Identity { get; internal set; } = null!;
    public InstalledElection Election { get; internal set; } = null!;
    public ModuleClock Clock { get; internal set; } = null!;
    public EventLog Log { get; internal set; } = null!;
    public IDeviceTpm Tpm { get; internal set; } = null!;
    /// <summary>Issue 10: the keys derived from the master secret unsealed in the measured state.</summary>
    public Tpm.TerminalSecrets Secrets { get; internal set; } = null!;
    public TpmSigner Signer { get; internal set; } = null!;
    /// <summary>This run's TLS identity on the module LAN (disposed with the faces).</summary>
    public Vmre.Common.Lan.LanIdentity LanIdentity { get; internal set; } = null!;
    public VoteStore Store { get; internal set; } = null!;
    public VoteVault Vault { get; internal set; } = null!;
    public IReceiptPrinter Printer { get; internal set; } = null!;
    public IStatusLights Lights { get; internal set; } = null!;
    /// <summary>The voters' steps counted per hour (issue 9 point 3); flushed at polls close and at stop.</summary>
    public VoterActivity Activity { get; internal set; } = null!;
    public VotingBooth Booth { get; internal set; } = null!;
    public ModuleCommandDesk Desk { get; internal set; } = null!;
    public ICodeScanner? Scanner { get; internal set; }
    public IOfficialCardReader? CardReader { get; internal set; }

    internal T Own<T>(T part) where T : IDisposable
    {
        _owned.Add(part);
        return part;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
    }
}
