using Vmre.Audit.Documents;
using Vmre.Common.Protocol;
using Vmre.Common.Election;
using Vmre.Common.Logging;
using Vmre.Common.Time;
using Vmre.Common.Signing;
using Vmre.HardwareSim.Gpio;
using Vmre.HardwareSim.Nfc;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Scanner;
using Vmre.HardwareSim.Tpm;
using Vmre.Simulator.Clients;
using Vmre.Simulator.Hardware;
using Vmre.Simulator.Lan;
using Vmre.Simulator.Papers;
using Vmre.Simulator.Processes;

namespace Vmre.Simulator.Election;

/// <summary>
/// The simulated module, on real parts (brief section 4): provisioning run as its own tool,
/// one swtpm per terminal, emulated printers and scanners on pseudo-terminals, the module
/// server and each terminal as separate processes, each in its own network namespace on a real
/// module LAN (issue 8 point 5, <see cref="RigLan"/>): kiosk faces on their namespace's loopback,
/// LAN faces on the bridge with mutual TLS. The device emulators stay in this process (ptys and
/// the GPIO daemon's Unix socket are files, which cross namespaces).
/// </summary>
public sealed partial class ModuleRig : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private string _serverUrl = "";

    private ModuleRig(SimulationOptions options, RepositoryLayout layout)
    {
        Options = options;
        Layout = layout;
        State = Directory.CreateDirectory(Path.Combine(options.OutDir, "state")).FullName;
        Tray = new PaperTray(Path.Combine(options.OutDir, "papers"));
    }

    public SimulationOptions Options { get; }
    public RepositoryLayout Layout { get; }
    public string State { get; }
    public PaperTray Tray { get; }
    public ElectionPackage Package { get; private set; } = null!;
    public string PackageHash { get; private set; } = "";
    public string LnereCsv => Path.Combine(State, "lnere.csv");
    public string ServerDir => Path.Combine(State, "module-server");
    /// <summary>The desk, as the server's own screen reaches it (its kiosk face).</summary>
    public ModuleServerClient Server { get; private set; } = null!;
    /// <summary>Where the server's LAN face listens (https, mutual TLS: paired terminals only).</summary>
    public string ServerLanUrl { get; private set; } = "";
    /// <summary>The server's public key, as the signed module config pins it (what every terminal checks the LAN face against).</summary>
    public Vmre.Common.Signing.PublicKey ServerPublicKey { get; private set; } = null!;
    /// <summary>The module server's own swtpm (state/module-server-tpm): its signing key never leaves it (issue 8 point 2).</summary>
    public SwtpmInstance ServerTpm { get; private set; } = null!;
    private TpmRelay _serverTpmRelay = null!;
    public List<SimTerminal> Terminals { get; } = [];
    /// <summary>The module server's desk card reader: the officials put their cards on it to sign in at the desk (issue 11).</summary>
    public Pn532Emulator DeskReader { get; private set; } = null!;
    public PartProcess ServerProcess { get; private set; } = null!;
    /// <summary>The module LAN the parts run on; disposed last, after every process and connector.</summary>
    public RigLan Lan { get; private set; } = null!;
    /// <summary>Which namespaces and addresses the run used (for the summary, also after the LAN is gone).</summary>
    public IReadOnlyList<string> LanDescription => Lan?.Description() ?? [];

    /// <summary>The simulated hardware's own event log (device events: printer notices, scans, paper out).</summary>
    public EventLog HardwareLog { get; private set; } = null!;

    public static async Task<ModuleRig> Build(SimulationOptions options, Action<string> say)
    {
        var rig = new ModuleRig(options, RepositoryLayout.Locate());
        try
        {
            await rig.Assemble(say);
            return rig;
        }
        catch
        {
            rig.Dispose();
            throw;
        }
    }

    private async Task Assemble(Action<string> say)
    {
        var o = Options;
        var authority = Path.Combine(State, "authority");
        var key = Path.Combine(authority, AuthorityFiles.KeyFile);
        var package = Path.Combine(State, "election-package.signed.json");
        var slice = Path.Combine(State, $"lnere-slice-{o.ModuleId}.signed.json");
        var moduleConfig = Path.Combine(State, $"module-config-{o.ModuleId}.signed.json");
        // First, so that a machine where namespaces can't be made stops the demo before anything else starts.
        say("module LAN: a network namespace for the server, each terminal and an intruder, joined by a bridge");
        Lan = Own(RigLan.Create(o.Terminals));
        say("provisioning: authority key, election package, synthetic LNERE, module slice");
        Provision("authority", "init", "--out", authority);
        Provision("package", "build", "--authority", key, "--out", package);
        Provision([.. new[] { "lnere", "generate", "--seed", o.Seed.ToString(), "--out", LnereCsv },
            .. o.LnereCount is { } count ? new[] { "--count", count.ToString() } : []]);
        Provision("lnere", "slice", "--lnere", LnereCsv, "--module", o.ModuleId, "--authority", key, "--out", slice);
        var authorityKey = PublicKey.FromPem(File.ReadAllText(Path.Combine(authority, AuthorityFiles.PublicFile)));
        (Package, PackageHash) = ElectionPackageFile.Open(package, authorityKey).ValueOrThrow();

        ProvisionTerminals(say);
        // Issue 8 point 2: the server's key is made in its own swtpm; provisioning pairs its public half.
        say("provisioning the module server: its own swtpm, signing key created in the TPM");
        // Its swtpm runs in the server's namespace, beside the server (its TCTI is that namespace's loopback).
        ServerTpm = Own(SwtpmInstance.Start(Path.Combine(State, "module-server-tpm"), Lan.Namespace(RigLan.ServerPart)));
        PartProcess.RunToEndIn(Lan.Namespace(RigLan.ServerPart), "provision module-server", Layout.ModuleServer,
            "provision", "--data", ServerDir, "--tcti", ServerTpm.Tcti, "--authority-pub", Path.Combine(authority, AuthorityFiles.PublicFile));
        _serverTpmRelay = Own(TpmRelay.Start(Lan.Connector(RigLan.ServerPart), ServerTpm.Port));
        var configure = new List<string> { "module", "configure", "--module", o.ModuleId, "--authority", key, "--package", package,
            "--server-public", Path.Combine(ServerDir, "server-public.pem"), "--out", moduleConfig, "--walk-in-cap", "0", "--slice", slice };
        foreach (var t in Terminals) configure.AddRange(["--terminal", $"{t.Id}={Path.Combine(t.Dir, "device-public.pem")}"]);
        // Issue 11 point 1: each official's VMRE-K2 card is personalised (key made inside it, PIN
        // set); provisioning gets only its public key.
        var cards = Directory.CreateDirectory(Path.Combine(State, "cards")).FullName;
        foreach (var official in SimOfficial.All)
        {
            var cardKey = Path.Combine(cards, $"{official.CredentialId}.pub.pem");
            File.WriteAllText(cardKey, OfficialCards.For(official).PublicKeyPem);
            configure.AddRange(["--official", official.Argument(cardKey)]);
        }
        Directory.CreateDirectory(ServerDir);
        Provision([.. configure]);

        say("installing the signed package, slice and module configuration");
        foreach (var dir in Terminals.Select(t => t.Dir).Append(ServerDir))
        {
            File.Copy(Path.Combine(authority, AuthorityFiles.PublicFile), Path.Combine(dir, AuthorityFiles.PublicFile), true);
            File.Copy(package, Path.Combine(dir, "election-package.signed.json"), true);
            File.Copy(moduleConfig, Path.Combine(dir, "module-config.signed.json"), true);
        }
        File.Copy(slice, Path.Combine(ServerDir, "lnere-slice.signed.json"), true);
        MeasureTerminals(key, say);

        say("hardware: emulated printers and scanners on pseudo-terminals");
        HardwareLog = Own(new EventLog(Path.Combine(State, "hardware-sim", "events.jsonl"), "hardware-sim", ModuleClock.For("America/Chicago")));
        var serverPrinter = Own(Printer(o.ModuleId));
        // The desk's card reader (issue 11 design §3): a PN532 on the server's serial port.
        DeskReader = Own(new Pn532Emulator());
        foreach (var t in Terminals)
        {
            t.Printer = Own(Printer(t.Id));
            t.Scanner = Own(new ScannerEmulator());
            t.CardReader = Own(new Pn532Emulator());
            t.Port = FreePort.Next();
            t.LanPort = FreePort.Next();
        }

        say("starting the module server and the terminals as separate processes");
        var serverPort = FreePort.Next();
        var serverUrl = $"http://127.0.0.1:{serverPort}";
        // Issue 8: the desk on the server's kiosk face (its namespace's loopback), terminals on its LAN face (mutual TLS).
        var serverLanUrl = $"https://{Lan.Address(RigLan.ServerPart)}:{FreePort.Next()}";
        var serverArgs = new List<string> { "run", "--data", ServerDir, "--tcti", ServerTpm.Tcti, "--kiosk", serverUrl, "--lan", serverLanUrl,
            "--printer", serverPrinter.SlavePath, "--desk-reader", DeskReader.SlavePath };
        foreach (var t in Terminals) serverArgs.AddRange(["--terminal", $"{t.Id}={t.LanUrl}"]);
        ServerProcess = Own(PartProcess.Start("module-server", Layout.ModuleServer, serverArgs, Lan.Namespace(RigLan.ServerPart)));
        await ServerProcess.WaitForHttp(serverUrl + ServerRoutes.Status, TimeSpan.FromSeconds(60), Lan.Handler(RigLan.ServerPart));
        // The desk is the server's own screen: it reaches the kiosk face from inside the server's namespace.
        Server = new ModuleServerClient(Own(new HttpClient(Lan.Handler(RigLan.ServerPart)) { BaseAddress = new Uri(serverUrl), Timeout = TimeSpan.FromSeconds(60) }));
        Lan.Describe(RigLan.ServerPart, $"module server {o.ModuleId}: desk (kiosk face) {serverUrl} on the namespace's loopback, LAN face {serverLanUrl}");
        _serverUrl = serverLanUrl;
        ServerLanUrl = serverLanUrl;
        ServerPublicKey = Vmre.Common.Signing.PublicKey.FromPem(File.ReadAllText(Path.Combine(ServerDir, "server-public.pem")));
        foreach (var t in Terminals)
        {
            // The board's pins belong to the simulator, served to the terminal's process, and the
            // printer's sensors are wired onto them before the power comes on, as copper is.
            t.Gpio = Own(new SimulatedGpioDriver());
            t.GpioDaemon = Own(new GpioDaemon(t.Gpio, t.GpioSocket));
            t.Wiring = Own(new PrinterSensorWiring(t.Printer!, t.Gpio));
            t.Wiring.Failed += reason => HardwareLog.Append("sensor-wiring-failed", null, new() { ["terminal"] = t.Id, ["reason"] = reason });
            await StartTerminal(t);
            // The voter at the booth: the ballot page's endpoints from inside the terminal's namespace.
            t.Api = new TerminalApiClient(Own(new HttpClient(Lan.Handler(t.Part)) { BaseAddress = new Uri(t.Url), Timeout = TimeSpan.FromSeconds(60) }));
            Lan.Describe(t.Part, $"terminal {t.Id} and its swtpm: kiosk face {t.Url} on the namespace's loopback, LAN face {t.LanUrl}");
        }
        Lan.Describe(RigLan.IntruderPart, "the LAN intruder (no key the module config pins)");
    }

    private PrinterEmulator Printer(string device)
    {
        var printer = new PrinterEmulator(Tray.SinkFor(device));
        // Notices never carry printed text (rules.md R3), so they may be logged as they are.
        printer.Noticed += n => HardwareLog.Append("printer-" + n.Kind.ToString().ToLowerInvariant(), null,
            new() { ["printer"] = device, ["detail"] = n.Detail });
        return printer;
    }

    private void Provision(params string[] args) => PartProcess.RunToEnd("vmre-provision " + args[0], Layout.Provisioning, args);

    /// <summary>
    /// For the simulator's own attacks only (a LAN intruder given the server's signing power): a
    /// second FAPI context on the server's keystore, signing inside the server's swtpm beside the
    /// running server. There is no key file to read; paths as module-server's ServerTpm names them.
    /// Dispose the TPM when done.
    /// </summary>
    public (Vmre.Devices.Tpm.FapiTpm Tpm, Vmre.Devices.Tpm.TpmSigner Key) OpenServerKey()
    {
        var tpm = new Vmre.Devices.Tpm.FapiTpm(Vmre.Devices.Tpm.FapiConfig.In(ServerDir, _serverTpmRelay.Tcti));
        return (tpm, new Vmre.Devices.Tpm.TpmSigner(tpm, "/HS/SRK/vmre-server"));
    }

    /// <summary>Takes a part into the rig: disposed with it (processes first).</summary>
    private T Own<T>(T part) where T : IDisposable
    {
        _owned.Add(part);
        return part;
    }

    /// <summary>Stop the processes first (they finish their logs), then the devices under them.</summary>
    public void Dispose()
    {
        foreach (var part in _owned.OfType<PartProcess>().Reverse()) part.Dispose();
        foreach (var part in _owned.Where(p => p is not PartProcess).Reverse()) part.Dispose();
    }
}
