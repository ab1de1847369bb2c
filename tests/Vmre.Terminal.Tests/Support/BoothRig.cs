using Vmre.Common.Devices;
using Vmre.Common.Logging;
using Vmre.Common.Signing;
using Vmre.Common.Time;
using Vmre.HardwareSim.Printer;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// The terminal's vote path below the module server: real SQLite store on disk, real event log,
/// the printer emulator on a real pseudo-terminal reached through SerialReceiptPrinter; a
/// software key stands in for the TPM device key, random bytes for the sealed storage key.
/// </summary>
public sealed class BoothRig : IDisposable
{
    private readonly TempDir _dir = new();

    public BoothRig()
    {
        Printer = new PrinterEmulator(Tray.Add);
        Port = new SerialReceiptPrinter(Printer.SlavePath);
        Store = new VoteStore(_dir.Sub("votes.db"));
        Log = new EventLog(LogPath, TestElection.TerminalId, Clock);
        Installed = Election.Installed(DeviceKey.PublicKeyPem);
        Booth = new VotingBooth(Installed, Store, Port, Redeemer, Lights, Log, StorageKey);
        Desk = new ModuleCommandDesk(Installed, new TerminalIdentity(TestElection.TerminalId, DeviceKey.PublicKeyPem),
            Booth, Store, Port, DeviceKey, Log, Clock, StorageKey, DataDir);
    }

    public TestElection Election { get; } = new();
    public SoftwareSigningKey DeviceKey { get; } = SoftwareSigningKey.Generate();
    public byte[] StorageKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    public ModuleClock Clock { get; } = ModuleClock.For("America/Chicago");
    public PaperTray Tray { get; } = new();
    public FakeRedeemer Redeemer { get; } = new();
    public RecordingLights Lights { get; } = new();
    public PrinterEmulator Printer { get; }
    public IReceiptPrinter Port { get; }
    public VoteStore Store { get; }
    public EventLog Log { get; }
    public InstalledElection Installed { get; }
    public VotingBooth Booth { get; }
    public ModuleCommandDesk Desk { get; }
    public string DataDir => _dir.Path;
    public string LogPath => _dir.Sub("events.jsonl");
    public string LogText => File.ReadAllText(LogPath);

    /// <summary>One whole vote: activate, select, confirm (prints), accept (seals).</summary>
    public string Vote(string style, params (string Contest, string[] Parties, string? WriteIn)[] contests)
    {
        var nonce = TestElection.NewNonce();
        Assert.True(Booth.Activate(Election.Activation(style, nonce)).Ok);
        var selection = new Common.Protocol.SelectionRequest(contests
            .Select(c => new Common.Protocol.ContestSelection(c.Contest, c.Parties, c.WriteIn)).ToArray());
        Assert.True(Booth.Select(selection).Ok);
        var confirmed = Booth.Confirm();
        Assert.True(confirmed.Ok, confirmed.Refusal);
        Assert.True(Booth.Accept().Ok);
        return nonce;
    }

    public void OpenPolls() => Booth.SetPolls(TerminalPolls.Open);

    public void Dispose()
    {
        Port.Dispose();
        Printer.Dispose();
        Store.Dispose();
        Log.Dispose();
        _dir.Dispose();
    }
}
