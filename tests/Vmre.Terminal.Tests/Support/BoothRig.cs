using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Logging;
using Vmre.Common.Signing;
using Vmre.Common.Time;
using Vmre.Common.Cards;
using Vmre.HardwareSim.Nfc;
using Vmre.HardwareSim.Printer;
using Vmre.Devices.OfficialCardReader;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// The terminal's vote path below the module server: real SQLite store on disk, real event log,
/// the printer emulator on a real pseudo-terminal reached through SerialReceiptPrinter; a
/// software key stands in for the TPM device key, random bytes for the sealed storage key and
/// the store MAC key, an in-memory counter for the TPM epoch.
/// </summary>
public sealed class BoothRig : IDisposable
{
    private readonly TempDir _dir = new();

    public BoothRig()
    {
        Printer = new PrinterEmulator(Tray.Add);
        Port = new SerialReceiptPrinter(Printer.SlavePath);
        Tray.Port = Port; // the booth's own port: Tray.Settled() asks the printer through it
        Store = VoteStore.Open(_dir.Sub("votes.db"), StoreMacKey, Epoch, capacity: 512);
        Log = new EventLog(LogPath, TestElection.TerminalId, Clock);
        Installed = Election.Installed(DeviceKey.PublicKeyPem);
        CardReader = new Pn532OfficialCardReader(Cards.SlavePath);
        Officials = new OfficialAtTerminal(CardReader, Installed.Module, Store, Log, new RigTime(this));
        Vault = new VoteVault(Store, StorageKey);
        Activity = new VoterActivity(Log, new RigTime(this), tick: false);
        Booth = NewBooth(Redeemer, Officials);
        Desk = new ModuleCommandDesk(Installed, new TerminalIdentity(TestElection.TerminalId, DeviceKey.PublicKeyPem),
            Booth.Polls, Port, DeviceKey, Log, Clock, DataDir);
    }

    public TestElection Election { get; } = new();
    public SoftwareSigningKey DeviceKey { get; } = SoftwareSigningKey.Generate();
    public byte[] StorageKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    /// <summary>Random bytes for the TPM-released store MAC key, an in-memory counter for the TPM epoch (issue 10 point 2).</summary>
    public byte[] StoreMacKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    public MemoryStoreEpoch Epoch { get; } = new();
    public ModuleClock Clock { get; } = ModuleClock.For("America/Chicago");
    public PaperTray Tray { get; } = new();
    public FakeRedeemer Redeemer { get; } = new();
    public RecordingLights Lights { get; } = new();
    public PrinterEmulator Printer { get; }
    /// <summary>The officials' card reader: the real PN532 binding against the emulator on a pty.</summary>
    public Pn532Emulator Cards { get; } = new();
    public Pn532OfficialCardReader CardReader { get; }
    public OfficialAtTerminal Officials { get; }
    /// <summary>The booth's clock, for the inactivity limit; tests move it.</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
    public VoteVault Vault { get; }
    /// <summary>The voters' hourly counts; no timer: tests flush them.</summary>
    public VoterActivity Activity { get; }
    public IReceiptPrinter Port { get; }
    public VoteStore Store { get; }
    public EventLog Log { get; }
    public InstalledElection Installed { get; }
    public VotingBooth Booth { get; }
    public ModuleCommandDesk Desk { get; }
    public string DataDir => _dir.Path;
    public string LogPath => _dir.Sub("events.jsonl");
    /// <summary>The log, after the voters' counts of this hour are written (as at polls close, issue 9 point 3).</summary>
    public string LogText
    {
        get
        {
            Activity.Flush();
            return File.ReadAllText(LogPath);
        }
    }

    /// <summary>A booth on this rig's devices and vault, as a restarted terminal builds it again.</summary>
    public VotingBooth NewBooth(IActivationRedeemer redeemer, OfficialAtTerminal? officials = null) =>
        new(Installed.Package, new ActivationGate(Installed, redeemer, Vault),
            new TestigoPrinting(Installed, Vault, Port, Log, Activity),
            new DeviceFaults(Port, Lights, Log), Vault, Log, Activity, officials, new RigTime(this));

    /// <summary>The rig's movable <see cref="Now"/> as the booth's clock.</summary>
    private sealed class RigTime(BoothRig rig) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => rig.Now;
    }

    /// <summary>One whole vote: activate, select, confirm (prints), accept (seals).</summary>
    public string Vote(string style, params (string Contest, string[] Parties, string? WriteIn)[] contests)
    {
        var nonce = TestElection.NewNonce();
        Assert.True(Booth.Voter.Activate(Election.Activation(style, nonce)).IsOk);
        var selection = new Common.Protocol.SelectionRequest(contests
            .Select(c => new Common.Protocol.ContestSelection(c.Contest, c.Parties, c.WriteIn)).ToArray());
        Assert.True(Booth.Voter.Select(selection).IsOk);
        var confirmed = Booth.Voter.Confirm();
        Assert.True(confirmed.IsOk, confirmed.Error);
        Assert.True(Booth.Voter.Accept().IsOk);
        return nonce;
    }

    /// <summary>A command signed by the server's key, answering a fresh challenge from this rig's desk (issue 8 point 3).</summary>
    public SignedDocument Command(Vmre.Common.Module.ModuleCommandKind kind) => Election.Command(kind, Desk.Challenge().Nonce);

    public void OpenPolls() => Booth.Polls.SetPolls(TerminalPolls.Open);

    /// <summary>An official puts their credential card on the reader.</summary>
    public void PresentCard(string credentialId) =>
        Cards.PresentCard(Election.Card(credentialId));

    /// <summary>Activate, select and review (not yet confirmed).</summary>
    public void ReviewVote(string style, string contest, params string[] parties)
    {
        Assert.True(Booth.Voter.Activate(Election.Activation(style)).IsOk);
        var selected = Booth.Voter.Select(new Common.Protocol.SelectionRequest([new Common.Protocol.ContestSelection(contest, parties, null)]));
        Assert.True(selected.IsOk, selected.Error);
    }

    public void Dispose()
    {
        Port.Dispose();
        Printer.Dispose();
        CardReader.Dispose();
        Cards.Dispose();
        Store.Dispose();
        Log.Dispose();
        _dir.Dispose();
    }
}
