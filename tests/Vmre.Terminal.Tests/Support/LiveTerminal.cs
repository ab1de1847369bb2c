using Microsoft.AspNetCore.Builder;
using System.Net.Http.Json;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Cards;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.TestSupport;
using Vmre.HardwareSim.Gpio;
using Vmre.HardwareSim.Nfc;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Tpm;
using Vmre.Terminal.Hosting;
using Vmre.Terminal.Setup;
using Vmre.Devices.Tpm;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// The terminal's real faces (kiosk on http://127.0.0.1:0, LAN on https://127.0.0.1:0 with
/// mutual TLS), built by TerminalHost.Build on real parts: provisioned in a swtpm through FAPI,
/// the signed election installed, measured and sealed (issue 10 point 1: each start is a TPM power
/// cycle and a measured start, <see cref="MeasuredBoot"/>), the printer emulator on a pty, SQLite on disk. Only the module
/// server's redemption is the fake; module commands come over the LAN face from a client holding
/// the test election's server key, as the module server's would.
/// </summary>
public sealed class LiveTerminal : IAsyncDisposable
{
    private readonly TempDir _dir = new();
    private readonly SwtpmInstance _swtpm;
    private Vmre.Terminal.Faces.TerminalFaces? _faces;
    private Vmre.Common.Lan.LanIdentity? _server;

    /// <param name="withCardReader">Also run the officials' PN532 reader emulator on a pty (--card-reader).</param>
    /// <param name="election">Another terminal's election, keys included (a rehearsal run with the same keys).</param>
    /// <param name="time">The terminal's clock in place of the system's (one that is off, issue 8 point 3).</param>
    public LiveTerminal(bool withCardReader = false, TestElection? election = null, TimeProvider? time = null)
    {
        Election = election ?? new TestElection();
        _time = time;
        if (withCardReader) Cards = new Pn532Emulator();
        _swtpm = SwtpmInstance.Start(_dir.Sub("swtpm"));
        Printer = new PrinterEmulator(Tray.Add);
        DataDir = _dir.Sub("terminal");
        using (var tpm = new FapiTpm(new FapiConfig(Path.Combine(DataDir, "fapi"), _swtpm.Tcti)))
            Identity = TerminalProvisioning.Provision(DataDir, TestElection.TerminalId, tpm);
        Election.InstallInto(DataDir, Identity.PublicKeyPem);
        // Issue 10 point 1: measured and sealed as a technician does; every Start is a power-on and a measured start.
        ProgramDir = MeasuredBoot.StandInProgram(_dir.Sub("program"));
        MeasuredBoot.Seal(Election, ProgramDir, DataDir, _swtpm.Tcti);
    }

    /// <summary>The stand-in program folder the measured start hashes (<see cref="MeasuredBoot.StandInProgram"/>).</summary>
    public string ProgramDir { get; }
    /// <summary>The terminal's swtpm (power-cycled at every <see cref="Start()"/>).</summary>
    public SwtpmInstance Tpm => _swtpm;

    private readonly TimeProvider? _time;

    public TestElection Election { get; }
    public PaperTray Tray { get; } = new();
    public FakeRedeemer Redeemer { get; } = new();
    public PrinterEmulator Printer { get; }
    /// <summary>The officials' card reader emulator, when asked for.</summary>
    public Pn532Emulator? Cards { get; }
    /// <summary>The board's simulated pins, given to TerminalHost.Build in place of --gpio: drive inputs, read LEDs.</summary>
    public SimulatedGpioDriver Gpio { get; } = new();
    public string DataDir { get; }
    public TerminalIdentity Identity { get; }
    public TerminalParts Parts { get; private set; } = null!;
    /// <summary>The kiosk face (loopback): the ballot page and the officials' screen.</summary>
    public string Url { get; private set; } = "";
    /// <summary>The LAN face (https, mutual TLS with the module server only).</summary>
    public string LanUrl { get; private set; } = "";
    public HttpClient Http { get; private set; } = new();
    /// <summary>A client on the LAN face holding the module server's TLS identity.</summary>
    public HttpClient? ServerHttp { get; private set; }

    /// <summary>Starts on the simulated pins, given in process (<see cref="Gpio"/>).</summary>
    public Task Start() => Start(gpio: null);

    /// <param name="gpio">A --gpio value to start with instead of the simulated pins given in process.</param>
    public async Task Start(string? gpio)
    {
        MeasuredBoot.PowerOn(_swtpm, ProgramDir, DataDir);
        var options = new TerminalOptions(DataDir, _swtpm.Tcti, null, "http://127.0.0.1:0", null, Printer.SlavePath, null, gpio ?? "chip",
            Cards?.SlavePath, LanUrl: "https://127.0.0.1:0");
        (_faces, Parts) = TerminalHost.Build(options, Redeemer, gpio is null ? Gpio : null, _time);
        Tray.Port = Parts.Printer; // the terminal's own port: Tray.Settled() asks the printer through it
        _faces.Start();
        Url = _faces.KioskUrl;
        LanUrl = _faces.LanUrl;
        Http.BaseAddress = new Uri(Url);
        _server ??= ServerOnLan.Identity(Election);
        ServerHttp?.Dispose();
        ServerHttp = ServerOnLan.Client(_server, Identity.PublicKeyPem, LanUrl);
    }

    /// <summary>What the module server does at opening: a zero-report command signed by its key.</summary>
    /// <summary>The terminal's API as its callers speak it (issue 7: one typed client).</summary>
    public TerminalApiClient Api => new(Http);

    /// <summary>The terminal's LAN face as the module server speaks to it.</summary>
    public TerminalApiClient Lan => new(ServerHttp ?? throw new InvalidOperationException("start the terminal first"));

    public async Task<Parsed<SignedDocument>> Command(ModuleCommandKind kind) => await Lan.Command(await SignedCommand(kind));

    /// <summary>What the module server sends: the terminal's fresh challenge, then the command echoing it, signed.</summary>
    public async Task<SignedDocument> SignedCommand(ModuleCommandKind kind) =>
        Election.Command(kind, (await Lan.Challenge()).ValueOrThrow().Nonce);

    /// <summary>Stops the faces and releases every part, then builds the terminal again on the same folder and TPM (after a power cycle).</summary>
    public async Task Restart()
    {
        await Stop();
        await Start();
    }

    /// <summary>Powers the terminal off: faces stopped, every part released (the store's file closed), until the next <see cref="Start()"/>.</summary>
    public async Task Stop()
    {
        await _faces!.StopAsync();
        await _faces.DisposeAsync();
        _faces = null;
        Parts.Dispose();
        Http.Dispose();
        Http = new HttpClient(); // the terminal listens on new ports
    }

    /// <summary>An official puts their credential card on the reader.</summary>
    public void PresentCard(string credentialId) =>
        Cards!.PresentCard(Election.Card(credentialId));

    /// <summary>GET /api/state until <paramref name="done"/> holds (a generous bound, not a timing assertion).</summary>
    /// <summary>
    /// Closes the printer cover and waits until the terminal has taken it in (its
    /// <c>cover-closed</c> log line): the switch's step runs off the GPIO thread (SignalQueue), so
    /// an official's clear sent at once could otherwise still find the cover open.
    /// </summary>
    public async Task CloseCover()
    {
        var path = Path.Combine(DataDir, "events.jsonl");
        int Closings() => File.ReadLines(path).Count(l => l.Contains("\"event\":\"cover-closed\"", StringComparison.Ordinal));
        var before = Closings();
        Gpio.Drive(Vmre.Firmware.Signals.TerminalPins.CoverSwitch, System.Device.Gpio.PinValue.Low);
        if (!await Eventually.Holds(() => Closings() > before, TimeSpan.FromSeconds(15)))
            throw new TimeoutException("the terminal never logged the cover closed");
    }

    public async Task<TerminalState> WaitForState(Func<TerminalState, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var state = (await Api.State()).ValueOrThrow();
            if (done(state)) return state;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"terminal state stayed {state}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_faces is not null)
        {
            await _faces.StopAsync();
            await _faces.DisposeAsync();
        }
        Parts?.Dispose();
        ServerHttp?.Dispose();
        _server?.Dispose();
        Http.Dispose();
        Printer.Dispose();
        Cards?.Dispose();
        _swtpm.Dispose();
        _dir.Dispose();
    }
}
