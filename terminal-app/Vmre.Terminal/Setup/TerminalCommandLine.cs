using System.CommandLine;
using Vmre.Cli;

namespace Vmre.Terminal.Setup;

/// <summary>
/// `vmre-terminal provision|seal|run`, read by System.CommandLine (issue 7.5): --help on each
/// command, unknown options and malformed values refused as usage errors (exit 2) where the
/// old reader ignored them, each command taking only the options it uses.
/// </summary>
public static class TerminalCommandLine
{
    public const string Program = "vmre-terminal";

    public static Command Create(Func<TerminalOptions, TextWriter, TextWriter, int> provision, Func<TerminalOptions, TextWriter, TextWriter, int> run,
        Func<TerminalOptions, TextWriter, TextWriter, int> seal, Func<TerminalOptions, string, TextWriter, TextWriter, int>? reseal = null)
    {
        var root = ProgramCommand.Create(Program, "The voting terminal: TPM-held device key, sealed vote store, booth, testigo printer.", helpWhenEmpty: true);
        root.Subcommands.Add(Provision(provision));
        root.Subcommands.Add(Seal(seal));
        if (reseal is not null) root.Subcommands.Add(Reseal(reseal));
        root.Subcommands.Add(Run(run));
        root.Subcommands.Add(VerifyStoreCommand.Create(VerifyStore.Run)); // issue 10 point 5 (helper A2)
        return root;
    }

    private static Option<string> Data() => new("--data") { Description = "the terminal's data directory", Required = true };

    private static Option<string> Tcti() => new("--tcti")
    {
        Description = "the TPM: device:/dev/tpmrm0 or swtpm:host=127.0.0.1,port=P",
        DefaultValueFactory = _ => TerminalOptions.DefaultTcti,
    };

    private static Command Provision(Func<TerminalOptions, TextWriter, TextWriter, int> provision)
    {
        var data = Data();
        var tcti = Tcti();
        var id = new Option<string>("--terminal-id") { Description = "the terminal's id, e.g. T1", Required = true };
        var command = new Command("provision",
            "Provision the TPM and create the device key in it; writes DIR/device-public.pem (secrets are sealed later by `seal`).\n"
            + "example: vmre-terminal provision --data /var/lib/vmre --terminal-id T1") { data, tcti, id };
        command.SetAction(parsed => provision(
            new TerminalOptions(parsed.GetRequiredValue(data), parsed.GetRequiredValue(tcti), parsed.GetRequiredValue(id),
                TerminalOptions.DefaultKioskUrl, null, null, null, TerminalOptions.DefaultGpio),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Issue 10 point 1: seal the terminal's secrets to the authority-signed measurements.</summary>
    private static Command Seal(Func<TerminalOptions, TextWriter, TextWriter, int> seal)
    {
        var data = Data();
        var tcti = Tcti();
        var command = new Command("seal",
            "Seal a fresh master secret to the measured start named by DIR/measurements.signed.json (verified against "
            + "DIR/authority.pub.pem), create the store's epoch counter and give the device key its auth value. Once only.\n"
            + "example: vmre-terminal seal --data /var/lib/vmre") { data, tcti };
        command.SetAction(parsed => seal(
            new TerminalOptions(parsed.GetRequiredValue(data), parsed.GetRequiredValue(tcti), null,
                TerminalOptions.DefaultKioskUrl, null, null, null, TerminalOptions.DefaultGpio),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Issue 10 point 1: a legitimate update, run through the measured start of the current terminal.</summary>
    private static Command Reseal(Func<TerminalOptions, string, TextWriter, TextWriter, int> reseal)
    {
        var data = Data();
        var tcti = Tcti();
        var manifest = new Option<string>("--manifest") { Description = "the new authority-signed measurement manifest", Required = true };
        var command = new Command("reseal",
            "Seal the same master secret to a new authority-signed measurement manifest. Run through vmre-launch with the "
            + "current program and configuration; install the new ones afterwards.\n"
            + "example: vmre-launch --program P --data D --tcti T -- dotnet P/vmre-terminal.dll reseal --data D --tcti T --manifest new.signed.json")
        { data, tcti, manifest };
        command.SetAction(parsed => reseal(
            new TerminalOptions(parsed.GetRequiredValue(data), parsed.GetRequiredValue(tcti), null,
                TerminalOptions.DefaultKioskUrl, null, null, null, TerminalOptions.DefaultGpio),
            parsed.GetRequiredValue(manifest), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static Command Run(Func<TerminalOptions, TextWriter, TextWriter, int> run)
    {
        var data = Data();
        var tcti = Tcti();
        var kiosk = new Option<string>("--kiosk")
        {
            Description = "the kiosk face: ballot page and officials' screen, loopback only (issue 8)",
            DefaultValueFactory = _ => TerminalOptions.DefaultKioskUrl,
        };
        var lan = new Option<string>("--lan")
        {
            Description = "the LAN face: module commands and state, mutual TLS with the module server only",
            DefaultValueFactory = _ => TerminalOptions.DefaultLanUrl,
        };
        var server = new Option<string>("--server") { Description = "the module server's LAN face, https://ADDRESS:PORT", Required = true };
        server.Validators.Add(result =>
        {
            var url = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (!Uri.TryCreate(url, UriKind.Absolute, out _)) result.AddError($"--server '{url}' is not an absolute URL");
        });
        var printer = new Option<string>("--printer") { Description = "serial port of the testigo printer, e.g. /dev/ttyUSB0", Required = true };
        var scanner = new Option<string>("--scanner") { Description = "serial port of the activation code scanner" };
        var cardReader = new Option<string>("--card-reader") { Description = "serial port of the officials' PN532 NFC reader (HSU)" };
        var gpio = new Option<string>("--gpio")
        {
            Description = "the sensors, button and lights: the board's GPIO chip, or the simulator's driver (terminal-app/README.md)",
            DefaultValueFactory = _ => TerminalOptions.DefaultGpio,
        };
        var inactivity = new Option<int>("--inactivity") { Description = "seconds a voter may be idle before the session ends (default 180)" }.WholeNumber(1);
        var printTimeout = new Option<int>("--print-timeout") { Description = "seconds a ticket may take to print (default 15)" }.WholeNumber(1);
        var command = new Command("run",
            "Run the voting terminal on its provisioned TPM and installed election.\n"
            + "example: vmre-terminal run --data /var/lib/vmre --lan https://10.0.0.11:5443 --server https://10.0.0.2:5443 --printer /dev/ttyUSB0 --scanner /dev/ttyACM0")
        {
            data, tcti, kiosk, lan, server, printer, scanner, cardReader, gpio, inactivity, printTimeout,
        };
        command.SetAction(parsed => run(
            new TerminalOptions(parsed.GetRequiredValue(data), parsed.GetRequiredValue(tcti), null, parsed.GetRequiredValue(kiosk),
                parsed.GetRequiredValue(server), parsed.GetRequiredValue(printer), parsed.GetValue(scanner), parsed.GetRequiredValue(gpio),
                parsed.GetValue(cardReader), Seconds(parsed, inactivity), Seconds(parsed, printTimeout), parsed.GetRequiredValue(lan)),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static TimeSpan? Seconds(ParseResult parsed, Option<int> option) =>
        parsed.GetResult(option) is { Implicit: false } ? TimeSpan.FromSeconds(parsed.GetValue(option)) : null;
}
