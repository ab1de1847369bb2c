using System.Device.Gpio;
using Vmre.Common.Devices;
using Vmre.Common.Logging;
using Vmre.Common.Time;
using Vmre.HardwareSim.Gpio;
using Vmre.Terminal.Devices;
using Vmre.Terminal.Http;
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
        vmre-terminal run --data DIR --tcti TCTI --urls URL --server URL --printer PORT --scanner PORT [--gpio sim|CHIP]
            Run the voting terminal. TCTI: device:/dev/tpmrm0 or swtpm:host=127.0.0.1,port=P.
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
        var identity = TerminalIdentity.Load(options.DataDir);
        if (!identity.IsOk) return Fail(identity.Error!);
        var election = InstalledElection.Load(options.DataDir, identity.Value!);
        var clock = election.IsOk ? ModuleClock.For(election.Value!.Module.TimeZone) : new ModuleClock(TimeZoneInfo.Utc);
        using var log = new EventLog(Path.Combine(options.DataDir, "events.jsonl"), identity.Value!.TerminalId, clock);
        if (!election.IsOk)
        {
            log.Append("startup-refused", null, new() { ["reason"] = election.Error! });
            return Fail(election.Error!);
        }
        if (options.ServerUrl is null || options.PrinterPort is null) return UsageError("--server and --printer are required");

        using var tpm = new FapiTpm(new FapiConfig(Path.Combine(options.DataDir, "fapi"), options.Tcti));
        var signer = new TpmSigner(tpm);
        if (signer.KeyId != Common.Signing.PublicKey.FromPem(identity.Value.PublicKeyPem).KeyId)
            return Fail("the TPM's device key is not the provisioned one");
        var storageKey = StorageKey.Unseal(tpm);
        using var store = new VoteStore(Path.Combine(options.DataDir, "votes.db"));
        using IReceiptPrinter printer = new SerialReceiptPrinter(options.PrinterPort);
        var lights = new GpioStatusLights(Gpio(options), light => log.Append("light", null, new() { ["light"] = light.ToString() }));
        var http = new HttpClient { BaseAddress = new Uri(options.ServerUrl), Timeout = TimeSpan.FromSeconds(10) };
        var booth = new VotingBooth(election.Value!, store, printer, new HttpActivationRedeemer(http, identity.Value.TerminalId), lights, log, storageKey);
        var desk = new ModuleCommandDesk(election.Value!, identity.Value, booth, store, printer, signer, log, clock, storageKey);
        log.Append("terminal-started", null, new() { ["software"] = SoftwareHash.Current, ["package"] = election.Value!.PackageHash });
        lights.Show(TerminalLight.Ready);

        using var scanner = options.ScannerPort is null ? null : new SerialCodeScanner(options.ScannerPort);
        if (scanner is not null)
        {
            // A scan is the voter presenting their activation: the same path as typing the code.
            scanner.Scanned += code => booth.Activate(code);
            scanner.Start();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var pages = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = pages });
        TerminalEndpoints.Map(app, identity.Value, booth, desk);
        app.Run();
        log.Append("terminal-stopped");
        return 0;
    }

    private static GpioController Gpio(TerminalOptions options) =>
        options.Gpio == "sim" ? new GpioController(new SimulatedGpioDriver()) : new GpioController();

    private static int Fail(string reason)
    {
        Console.Error.WriteLine("vmre-terminal: " + reason);
        return 1;
    }
}
