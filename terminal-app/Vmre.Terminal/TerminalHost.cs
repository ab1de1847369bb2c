using System.Device.Gpio;
using Vmre.Cli;
using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Logging;
using Vmre.Common.Time;
using Vmre.Firmware.Signals;
using Vmre.Devices.CodeScanner;
using Vmre.Devices.GpioSignals;
using Vmre.Devices.GpioSignals.Remote;
using Vmre.Devices.OfficialCardReader;
using Vmre.Common.Lan;
using Vmre.Terminal.Counts;
using Vmre.Terminal.Faces;
using Vmre.Terminal.Hosting;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;
using Vmre.Devices.Tpm;
using Vmre.Terminal.Tpm;
using Vmre.Terminal.Votes;
using Vmre.Common.Serialization;

namespace Vmre.Terminal;

/// <summary>Wires the terminal's parts: verified election, TPM, devices, vote store, booth, HTTP.</summary>
public static class TerminalHost
{
    /// <summary>A command line that parsed but does not fit together: exit 2, with where to look (issue 7.5).</summary>
    public static int UsageError(TextWriter error, string message)
    {
        error.WriteLine($"{TerminalCommandLine.Program} run: {message}");
        error.WriteLine($"try '{TerminalCommandLine.Program} run --help'");
        return ExitCode.Usage;
    }

    /// <summary>`provision`: a folder already provisioned, an unreachable TPM or an unwritable folder is a refusal by name (issue 7.5).</summary>
    public static int Provision(TerminalOptions options, TextWriter output, TextWriter error)
    {
        try
        {
            using var tpm = new FapiTpm(FapiConfig.In(options.DataDir, options.Tcti));
            var identity = TerminalProvisioning.Provision(options.DataDir, options.TerminalId!, tpm);
            output.WriteLine($"provisioned {identity.TerminalId}; public key in {Path.Combine(options.DataDir, "device-public.pem")}");
            return ExitCode.Ok;
        }
        catch (Exception e) when (e is InvalidOperationException or TpmError or IOException or UnauthorizedAccessException)
        {
            return Refusal.Write(error, e.Message);
        }
    }

    /// <summary>
    /// `run`: every device path checked first, then <see cref="Build"/>; a device that cannot be
    /// opened is a refusal that names it, never a stack trace (issue 7.5). Once serving, says
    /// where it listens and what it loaded.
    /// </summary>
    public static int Run(TerminalOptions options, TextWriter output, TextWriter error)
    {
        foreach (var (name, path) in new[] { ("printer", options.PrinterPort), ("scanner", options.ScannerPort), ("card reader", options.CardReaderPort) })
            if (path is not null && !File.Exists(path)) return Fail(error, $"{name} {path} does not exist");
        TerminalFaces faces;
        TerminalParts parts;
        try { (faces, parts) = Build(options); }
        catch (TerminalStartupException e) when (e.UsageError) { return UsageError(error, e.Message); }
        catch (TerminalStartupException e) { return Fail(error, e.Message); }
        catch (TpmError e) { return Fail(error, e.Message); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"a device could not be opened: {e.Message}");
        }
        using (parts)
        {
            faces.Start();
            output.WriteLine($"{TerminalCommandLine.Program} kiosk face on {faces.KioskUrl} (loopback only), LAN face on {faces.LanUrl} (mutual TLS)");
            output.WriteLine($"loaded terminal {parts.Identity.TerminalId} of module {parts.Election.Module.ModuleId}, "
                + $"election {parts.Election.Package.ElectionId}, package hash {parts.Election.PackageHash}");
            output.Flush();
            faces.Kiosk.WaitForShutdown();
            faces.StopAsync().GetAwaiter().GetResult();
            faces.DisposeAsync().AsTask().GetAwaiter().GetResult();
            parts.Activity.Flush(); // issue 9 point 3: the hour's voter counts before the stop line
            parts.Log.Append("terminal-stopped");
        }
        return ExitCode.Ok;
    }

    /// <summary>
    /// Everything <c>run</c> does short of serving: verify the installation, open the TPM, the
    /// vote store and the devices, and build the two faces on <see cref="TerminalOptions.KioskUrl"/>
    /// and <see cref="TerminalOptions.LanUrl"/> (either may use port 0). The caller starts the faces
    /// and disposes the parts after stopping them. <paramref name="redeemer"/> replaces the HTTP client of the module server's
    /// redemption endpoint (then --server is not needed); <paramref name="gpio"/> replaces the
    /// board's pins named by --gpio (an in-process test's simulated chip, which the terminal
    /// then owns); <paramref name="time"/> replaces the system clock (a test's terminal whose wall
    /// clock is off, issue 8 point 3); everything below them is the real code.
    /// Throws <see cref="TerminalStartupException"/> when the terminal must not start.
    /// </summary>
    public static (TerminalFaces Faces, TerminalParts Parts) Build(TerminalOptions options, IActivationRedeemer? redeemer = null,
        GpioDriver? gpio = null, TimeProvider? time = null)
    {
        // Issue 8: where the faces listen is checked before any device is opened.
        foreach (var address in new[] { FaceAddress.Kiosk("--kiosk", options.KioskUrl).Error, FaceAddress.Lan("--lan", options.LanUrl).Error,
                     options.ServerUrl is null ? null : FaceAddress.Lan("--server", options.ServerUrl).Error })
            if (address is not null) throw new TerminalStartupException(address, usageError: true);
        var parts = new TerminalParts();
        try
        {
            Assemble(options, redeemer, gpio, parts, time);
            return (TerminalFaces.Create(options.KioskUrl, options.LanUrl, parts, parts.LanIdentity), parts);
        }
        catch
        {
            parts.Dispose();
            throw;
        }
    }

    private static void Assemble(TerminalOptions options, IActivationRedeemer? redeemer, GpioDriver? gpioDriver, TerminalParts parts, TimeProvider? time)
    {
        var identity = TerminalIdentity.Load(options.DataDir);
        if (!identity.IsOk) throw new TerminalStartupException(identity.Error!);
        parts.Identity = identity.Value!;
        var election = InstalledElection.Load(options.DataDir, parts.Identity);
        parts.Clock = election.IsOk ? new ModuleClock(TimeZoneInfo.FindSystemTimeZoneById(election.Value!.Module.TimeZone), time) : new ModuleClock(TimeZoneInfo.Utc, time);
        var log = parts.Log = parts.Own(new EventLog(Path.Combine(options.DataDir, "events.jsonl"), parts.Identity.TerminalId, parts.Clock));
        if (!election.IsOk)
        {
            log.Append("startup-refused", null, new() { ["reason"] = election.Error! });
            throw new TerminalStartupException(election.Error!);
        }
        parts.Election = election.Value!;
        if ((options.ServerUrl is null && redeemer is null) || options.PrinterPort is null)
            throw new TerminalStartupException("--server and --printer are required", usageError: true);

        parts.Tpm = parts.Own(new FapiTpm(FapiConfig.In(options.DataDir, options.Tcti)));
        var measurements = Unseal(options.DataDir, parts, log);
        parts.Signer = new TpmSigner(parts.Tpm);
        if (parts.Signer.KeyId != Common.Signing.PublicKey.FromPem(parts.Identity.PublicKeyPem).KeyId)
            throw new TerminalStartupException("the TPM's device key is not the provisioned one");
        var storageKey = parts.Secrets.StorageKey;
        // Issue 10 point 2: the store is authenticated under the MAC key only the measured state releases, bound to the TPM's NV epoch.
        try { parts.Store = parts.Own(VoteStore.OpenExisting(Path.Combine(options.DataDir, VerifyStore.StoreFile), parts.Secrets.StoreMacKey, new TpmStoreEpoch(parts.Tpm, parts.Secrets))); }
        catch (StoreIntegrityException e)
        {
            // A store that is gone, emptied or not a store at all: the terminal does not start (issue 10 point 2).
            var reason = "vote store: " + string.Join("; ", e.Findings.Select(f => $"{f.Code}: {f.Detail}"));
            log.Append("startup-refused", null, new() { ["reason"] = reason });
            throw new TerminalStartupException(reason);
        }
        parts.Printer = parts.Own<IReceiptPrinter>(new SerialReceiptPrinter(options.PrinterPort, options.PrintTimeout));
        var gpio = parts.Own(gpioDriver is null ? Gpio(options.Gpio) : new GpioController(gpioDriver));
        parts.Lights = new GpioStatusLights(gpio, lights => log.Append("lights", null, new()
        {
            ["ready"] = On(lights.Ready), ["busy"] = On(lights.Busy), ["fault"] = On(lights.Fault),
        }));
        // Issue 8 point 2: this run's TLS leaf, certified by the TPM's device key; the module server
        // is reached over mutual TLS, and only the server whose key the signed config pins is believed.
        parts.LanIdentity = LanIdentity.Mint(parts.Identity.TerminalId, parts.Signer, time ?? TimeProvider.System);
        var serverHttp = options.ServerUrl is null ? null : parts.Own(new HttpClient(LanTls.ClientHandler(parts.LanIdentity, ModuleServerPeer(parts.Election), reason =>
                log.Append("lan-peer-refused", null, new() { ["reason"] = reason })))
            { BaseAddress = new Uri(options.ServerUrl), Timeout = TimeSpan.FromSeconds(10) });
        redeemer ??= new HttpActivationRedeemer(serverHttp!, parts.Identity.TerminalId, parts.Signer, parts.Election.ServerKey);
        OfficialAtTerminal? officials = null;
        if (options.CardReaderPort is not null)
        {
            parts.CardReader = parts.Own<IOfficialCardReader>(new Pn532OfficialCardReader(options.CardReaderPort));
            officials = new OfficialAtTerminal(parts.CardReader, parts.Election.Module, parts.Store, log, time);
        }
        var vault = parts.Vault = new VoteVault(parts.Store, storageKey);
        // Issue 9 point 3: voters' steps counted per hour, written by its timer at the hour's end,
        // at polls close and at stop (disposed before the log: parts are released in reverse).
        var activity = parts.Activity = parts.Own(new VoterActivity(log, time ?? TimeProvider.System));
        var booth = parts.Booth = new VotingBooth(parts.Election.Package,
            new ActivationGate(parts.Election, redeemer, vault),
            new TestigoPrinting(parts.Election, vault, parts.Printer, log, activity),
            new DeviceFaults(parts.Printer, parts.Lights, log), vault, log, activity, officials, time)
        { InactivityLimit = options.InactivityLimit ?? InactivityWatch.DefaultLimit };
        // Issue 10 point 3: counts told to the server every 8th ended session, after recovery and at polls close.
        var counts = serverHttp is null ? null : CountReporting.For(parts, serverHttp, booth, () => parts.Store.Epoch);
        parts.Desk = new ModuleCommandDesk(parts.Election, parts.Identity, booth.Polls, parts.Printer, parts.Signer, log, parts.Clock, options.DataDir, time,
            measurements)
            {
                AtPollsClose = counts is null ? null : t => counts.AtPollsClose(t),
                // Issue 10 point 2: the store's findings (empty when whole) go into the closing record and the acta.
                StoreFindings = () => vault.VerifyStore().Select(f => new Common.Closing.IntegrityFinding(f.Code, f.Detail)).ToList(),
            };
        log.Append("terminal-started", null, new()
        {
            ["software"] = SoftwareHash.Current, ["package"] = parts.Election.PackageHash, ["measurements"] = measurements,
        });
        WireSignals(gpio, booth, parts, log);
        // rules.md R6: testigos a crash or power cut left unfinished are voided, and every owed mark printed, before any voter.
        booth.Recovery.Run();
        counts?.AfterRecovery(booth.Polls.Totals());
        parts.Own(new Timer(_ => DeviceCallbacks.Run("inactivity-timer", log, () => booth.Inactivity.ExpireIfInactive()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        if (options.ScannerPort is not null)
        {
            var scanner = parts.Own(new SerialCodeScanner(options.ScannerPort));
            parts.Scanner = scanner;
            // A scan is the voter presenting their activation: the same path as typing the code.
            scanner.Scanned += code => booth.Voter.Scanned(code);
            // Never the scanned text in the log: it carries the activation nonce (rules.md R3).
            scanner.HandlerFailed += e => log.Append("scan-failed", null, new() { ["reason"] = e.GetType().Name + ": " + e.Message });
            scanner.Start();
        }
    }

    /// <summary>
    /// Issue 10 point 1: the master secret is released only in the measured state; the closing
    /// value is extended at once; the device key is usable only with the auth derived from it.
    /// A refusal says why (which item differs, or that the start was not measured) and is logged.
    /// Returns the manifest's hash (SHA-256 of the file), printed on the zero report.
    /// </summary>
    private static string Unseal(string dataDir, TerminalParts parts, EventLog log)
    {
        var manifest = TerminalSealing.LoadManifest(dataDir);
        var secrets = manifest.IsOk ? MeasuredUnseal.Run(parts.Tpm, manifest.Value!, dataDir) : Parsed<TerminalSecrets>.Fail(manifest.Error!);
        if (!secrets.IsOk)
        {
            log.Append("startup-refused", null, new() { ["reason"] = secrets.Error! });
            throw new TerminalStartupException(secrets.Error!);
        }
        parts.Secrets = secrets.Value!;
        parts.Tpm.UseAuth(TpmSigner.DeviceKeyPath, parts.Secrets.DeviceKeyAuth);
        var hash = TerminalSealing.ManifestHash(dataDir);
        log.Append("measured-start", null, new() { ["measurements"] = hash, ["expectedPcr"] = manifest.Value!.ExpectedPcr });
        return hash;
    }

    /// <summary>Sensors, the confirm button and the buzzer, all through GPIO and the firmware's meaning of them.</summary>
    private static void WireSignals(GpioController gpio, VotingBooth booth, TerminalParts parts, EventLog log)
    {
        var sensors = new TerminalSensors(gpio);
        booth.Signals.PaperChanged(sensors.Paper);
        booth.Signals.CoverChanged(sensors.CoverOpen);
        // Off the GPIO driver's thread, in order, guarded: a failure is logged and never ends the
        // process, and the driver never waits behind a print (SignalQueue).
        var signals = parts.Own(new SignalQueue(log));
        sensors.PaperChanged += signals.Queued<PaperLevel>("paper-sensors", booth.Signals.PaperChanged);
        sensors.CoverChanged += signals.Queued<bool>("cover-switch", booth.Signals.CoverChanged);
        // Down and up travel the same queue, in order; what a press means is decided in the booth's
        // step, under the lock that changes the state (BoothSignals.ButtonMoved).
        var button = parts.Own(new ConfirmButtonInput(gpio));
        button.Down += signals.Queued<bool>("confirm-button", booth.Signals.ButtonMoved);
        button.Up += signals.Queued<bool>("confirm-button", booth.Signals.ButtonMoved);
        if (button.IsPressed) booth.Signals.ButtonMoved(true);
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

    /// <summary>The one peer a terminal dials: its module server, by the key the signed config pins.</summary>
    private static PairedPeers ModuleServerPeer(InstalledElection election) =>
        new(new Dictionary<string, Common.Signing.PublicKey> { [election.Module.ModuleId] = election.ServerKey });

    /// <summary>
    /// The board's pins: "chip" (the default) is the board's own GPIO chip; "remote:SOCKET" a GPIO
    /// daemon's pins (the hardware simulator's, GpioSignals/README.md). A real terminal never falls
    /// back to simulated sensors: a chip or daemon that cannot be opened refuses the start.
    /// </summary>
    private static GpioController Gpio(string choice)
    {
        const string remote = "remote:";
        try
        {
            if (choice == "chip")
            {
                // The library's default driver would only fail at the first pin, deep in the wiring.
                if (!Directory.EnumerateFiles("/dev", "gpiochip*").Any())
                    throw new TerminalStartupException("--gpio chip: this machine has no GPIO chip (/dev/gpiochip*)");
                return new GpioController();
            }
            if (choice.StartsWith(remote, StringComparison.Ordinal) && choice.Length > remote.Length)
                return new GpioController(new RemoteGpioDriver(choice[remote.Length..]));
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw new TerminalStartupException($"--gpio {choice}: {e.Message}");
        }
        throw new TerminalStartupException($"--gpio must be chip or remote:SOCKET, got '{choice}'", usageError: true);
    }

    private static int Fail(TextWriter error, string reason)
    {
        error.WriteLine($"{TerminalCommandLine.Program}: refused to start: {reason}");
        return ExitCode.Refused;
    }
}
