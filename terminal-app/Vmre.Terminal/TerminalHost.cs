using System.Device.Gpio;
using Vmre.Common.Devices;
using Vmre.Common.Logging;
using Vmre.Common.Time;
using Vmre.HardwareSim.Gpio;
using Vmre.Firmware.Signals;
using Vmre.Terminal.Devices;
using Vmre.Terminal.Devices.Cards;
using Vmre.Terminal.Hosting;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tpm;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal;

/// <summary>Wires the terminal's parts: verified election, TPM, devices, vote store, booth, HTTP.</summary>
public static class TerminalHost
{
    public const string Usage = """
        vmre-terminal provision --data DIR --tcti TCTI --terminal-id ID
            Provision the TPM, create the device key in it, seal the vote-storage key; writes DIR/device-public.pem.
        vmre-terminal run --data DIR --tcti TCTI --urls URL --server URL --printer PORT [--scanner PORT]
                          [--card-reader PORT] [--gpio sim|sim:SOCKET|chip] [--inactivity SECONDS] [--print-timeout SECONDS]
            Run the voting terminal. TCTI: device:/dev/tpmrm0 or swtpm:host=127.0.0.1,port=P.
            --card-reader: the officials' PN532 NFC reader (serial, HSU). --inactivity: seconds a voter may be
            idle before the session ends (default 180). --print-timeout: seconds a ticket may take (default 15).
        """;

    public static int UsageError(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }

    public static int Provision(TerminalOptions options)
    {
        if (options.TerminalId is null) return UsageError("--terminal-id is required");
        using var tpm = new FapiTpm(new FapiConfig(Path.Combine(options.DataDir, "fapi"), options.Tcti));
        var identity = TerminalProvisioning.Provision(options.DataDir, options.TerminalId, tpm);
        Console.WriteLine($"provisioned {identity.TerminalId}; public key in {Path.Combine(options.DataDir, "device-public.pem")}");
        return 0;
    }

    public static int Run(TerminalOptions options)
    {
        WebApplication app;
        TerminalParts parts;
        try { (app, parts) = Build(options); }
        catch (TerminalStartupException e) when (e.UsageError) { return UsageError(e.Message); }
        catch (TerminalStartupException e) { return Fail(e.Message); }
        using (parts)
        {
            app.Run();
            parts.Log.Append("terminal-stopped");
        }
        return 0;
    }

    /// <summary>
    /// Everything <c>run</c> does short of serving: verify the installation, open the TPM, the
    /// vote store and the devices, and build the web app on <see cref="TerminalOptions.Urls"/>
    /// (which may be http://127.0.0.1:0). The caller starts the app and disposes the parts after
    /// stopping it. <paramref name="redeemer"/> replaces the HTTP client of the module server's
    /// redemption endpoint (then --server is not needed); everything below it is the real code.
    /// Throws <see cref="TerminalStartupException"/> when the terminal must not start.
    /// </summary>
    public static (WebApplication App, TerminalParts Parts) Build(TerminalOptions options, IActivationRedeemer? redeemer = null)
    {
        var parts = new TerminalParts();
        try
        {
            Assemble(options, redeemer, parts);
            return (TerminalWeb.Create(options.Urls, parts), parts);
        }
        catch
        {
            parts.Dispose();
            throw;
        }
    }

    private static void Assemble(TerminalOptions options, IActivationRedeemer? redeemer, TerminalParts parts)
    {
        var identity = TerminalIdentity.Load(options.DataDir);
        if (!identity.IsOk) throw new TerminalStartupException(identity.Error!);
        parts.Identity = identity.Value!;
        var election = InstalledElection.Load(options.DataDir, parts.Identity);
        parts.Clock = election.IsOk ? ModuleClock.For(election.Value!.Module.TimeZone) : new ModuleClock(TimeZoneInfo.Utc);
        var log = parts.Log = parts.Own(new EventLog(Path.Combine(options.DataDir, "events.jsonl"), parts.Identity.TerminalId, parts.Clock));
        if (!election.IsOk)
        {
            log.Append("startup-refused", null, new() { ["reason"] = election.Error! });
            throw new TerminalStartupException(election.Error!);
        }
        parts.Election = election.Value!;
        if ((options.ServerUrl is null && redeemer is null) || options.PrinterPort is null)
            throw new TerminalStartupException("--server and --printer are required", usageError: true);

        parts.Tpm = parts.Own(new FapiTpm(new FapiConfig(Path.Combine(options.DataDir, "fapi"), options.Tcti)));
        parts.Signer = new TpmSigner(parts.Tpm);
        if (parts.Signer.KeyId != Common.Signing.PublicKey.FromPem(parts.Identity.PublicKeyPem).KeyId)
            throw new TerminalStartupException("the TPM's device key is not the provisioned one");
        var storageKey = StorageKey.Unseal(parts.Tpm);
        parts.Store = parts.Own(new VoteStore(Path.Combine(options.DataDir, "votes.db")));
        parts.Printer = parts.Own<IReceiptPrinter>(new SerialReceiptPrinter(options.PrinterPort, options.PrintTimeout));
        var gpio = parts.Own(Gpio(options, parts));
        parts.Lights = new GpioStatusLights(gpio, lights => log.Append("lights", null, new()
        {
            ["ready"] = On(lights.Ready), ["busy"] = On(lights.Busy), ["fault"] = On(lights.Fault),
        }));
        redeemer ??= new HttpActivationRedeemer(
            parts.Own(new HttpClient { BaseAddress = new Uri(options.ServerUrl!), Timeout = TimeSpan.FromSeconds(10) }),
            parts.Identity.TerminalId, parts.Signer, parts.Election.ServerKey);
        OfficialAtTerminal? officials = null;
        if (options.CardReaderPort is not null)
        {
            parts.CardReader = parts.Own<IOfficialCardReader>(new Pn532OfficialCardReader(options.CardReaderPort));
            officials = new OfficialAtTerminal(parts.CardReader, parts.Election.Module, parts.Store, log);
        }
        var vault = parts.Vault = new VoteVault(parts.Store, storageKey);
        var booth = parts.Booth = new VotingBooth(parts.Election.Package,
            new ActivationGate(parts.Election, redeemer, vault),
            new TestigoPrinting(parts.Election, parts.Identity.TerminalId, vault, parts.Printer, log),
            new DeviceFaults(parts.Printer, parts.Lights, log), vault, log, officials)
        { InactivityLimit = options.InactivityLimit ?? InactivityWatch.DefaultLimit };
        parts.Desk = new ModuleCommandDesk(parts.Election, parts.Identity, booth.Polls, parts.Printer, parts.Signer, log, parts.Clock, options.DataDir);
        log.Append("terminal-started", null, new() { ["software"] = SoftwareHash.Current, ["package"] = parts.Election.PackageHash });
        WireSignals(gpio, booth, parts, log);
        // Brief rule 6: testigos a crash or power cut left unfinished are voided, with notices, before any voter.
        booth.Recovery.Run();
        parts.Own(new Timer(_ => DeviceCallbacks.Run("inactivity-timer", log, () => booth.Inactivity.ExpireIfInactive()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        if (options.ScannerPort is not null)
        {
            var scanner = parts.Own(new SerialCodeScanner(options.ScannerPort));
            parts.Scanner = scanner;
            // A scan is the voter presenting their activation: the same path as typing the code.
            scanner.Scanned += code => booth.Voter.Scanned(code);
            // Never the scanned text in the log: it carries the activation nonce (rule 3).
            scanner.HandlerFailed += e => log.Append("scan-failed", null, new() { ["reason"] = e.GetType().Name + ": " + e.Message });
            scanner.Start();
        }
    }

    /// <summary>Sensors, the confirm button and the buzzer, all through GPIO and the firmware's meaning of them.</summary>
    private static void WireSignals(GpioController gpio, VotingBooth booth, TerminalParts parts, EventLog log)
    {
        var sensors = new TerminalSensors(gpio);
        booth.Signals.PaperChanged(sensors.Paper);
        booth.Signals.CoverChanged(sensors.CoverOpen);
        // On the GPIO driver's thread: guarded, so a failure is logged and never ends the process.
        sensors.PaperChanged += DeviceCallbacks.Guarded<PaperLevel>("paper-sensors", log, booth.Signals.PaperChanged);
        sensors.CoverChanged += DeviceCallbacks.Guarded<bool>("cover-switch", log, booth.Signals.CoverChanged);
        var button = parts.Own(new ConfirmButtonInput(gpio));
        booth.StateChanged += button.StateEntered;
        button.StateEntered(booth.View.State);
        button.Pressed += DeviceCallbacks.Guarded<Vmre.Firmware.Session.SessionEvent>("confirm-button", log, booth.Signals.ButtonPressed);
        var buzzer = new GpioOutputPin(gpio, TerminalPins.Buzzer);
        booth.VoteRecorded += () => ThreadPool.QueueUserWorkItem(_ => SoundTone(buzzer, log));
    }

    /// <summary>
    /// The tone plays on a pool thread after the seal; the terminal may stop meanwhile (the GPIO
    /// controller disposed). An exception escaping a pool thread ends the whole process, so a tone
    /// cut short is logged, never fatal: the vote is already sealed (found by the GPIO fault test,
    /// whose host crashed when the terminal stopped while the tone played).
    /// </summary>
    private static void SoundTone(GpioOutputPin buzzer, EventLog log)
    {
        try { Tone.Play(buzzer, Tone.VoteRecorded, new ThreadDelay()); }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or IOException)
        {
            try { log.Append("tone-cut-short", null, new() { ["reason"] = e.GetType().Name }); }
            catch (ObjectDisposedException) { /* the log closed with the terminal: nothing left to tell */ }
        }
    }

    private static string On(bool lit) => lit ? "on" : "off";

    /// <summary>"sim": the simulated driver; "sim:SOCKET": the same with its control API for the simulator; "chip": the board.</summary>
    private static GpioController Gpio(TerminalOptions options, TerminalParts parts)
    {
        if (options.Gpio == "chip") return new GpioController();
        if (options.Gpio != "sim" && !options.Gpio.StartsWith("sim:", StringComparison.Ordinal))
            throw new TerminalStartupException($"--gpio must be sim, sim:SOCKET or chip, got '{options.Gpio}'", usageError: true);
        var driver = parts.SimulatedGpio = new SimulatedGpioDriver();
        if (options.Gpio.StartsWith("sim:", StringComparison.Ordinal))
            parts.Own(new GpioControlServer(driver, options.Gpio["sim:".Length..]));
        return new GpioController(driver);
    }

    private static int Fail(string reason)
    {
        Console.Error.WriteLine("vmre-terminal: " + reason);
        return 1;
    }
}
