using System.CommandLine;
using Vmre.Cli;
using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Hosting;

/// <summary>
/// <c>vmre-module-server provision --data DIR --authority-pub PEM [--tcti TCTI]</c>,
/// <c>vmre-module-server run --data DIR [--tcti TCTI] [--kiosk URL] --lan URL [--printer DEVICE] [--terminal ID=URL ...] [--desk-reader DEVICE] [--desk-idle-minutes N] [--disk-reserve-mb N]</c>
/// and <c>console provision|run</c> (<see cref="ConsoleCommand"/>),
/// read by System.CommandLine at the boundary (issue 7.5): --help, unknown options and
/// malformed values are usage errors (exit 2) that name the option. The server's key is in its
/// TPM (issue 8 point 2), so both commands name the TPM, as the terminal's do.
/// </summary>
public static class CommandLine
{
    public const string Program = "vmre-module-server";
    public const string DefaultTcti = "device:/dev/tpmrm0";

    private const string RunDescription =
        "Run one module's server: check-in desk, activations, polls opening and closing, actas.\n"
        + "DIR holds authority.pub.pem, election-package.signed.json, lnere-slice.signed.json, module-config.signed.json\n"
        + "and the server's FAPI keystore (from provision); the signing key stays in the TPM (module-server/README.md).\n"
        + "Every signed input is verified before anything listens.\n"
        + "The desk is served on the kiosk face (loopback only); terminals and paired desk and observers' consoles reach the LAN face\n"
        + "(mutual TLS, paired keys only). A console runs 'vmre-module-server console provision|run' (module-server/README.md).\n"
        + "example: vmre-module-server run --data chi --lan https://10.0.0.2:5443 --printer /dev/ttyUSB0 --terminal T1=https://10.0.0.11:5443";

    private const string ProvisionDescription =
        "Provision the server's TPM and create its signing key inside it (non-exportable P-256); writes DIR/server-public.pem,\n"
        + "which vmre-provision module configure --server-public pins in the module config, and writes the authority key's fingerprint\n"
        + "once into a TPM NV index: at start the server refuses any other authority.pub.pem. Refuses a folder already provisioned.\n"
        + "example: vmre-module-server provision --data chi --authority-pub authority/authority.pub.pem";

    /// <summary>The program's commands; <paramref name="serve"/> runs the server, <paramref name="provision"/> provisions its TPM.</summary>
    public static Command Create(Func<ModuleServerOptions, TextWriter, TextWriter, CancellationToken, Task<int>> serve,
        Func<string, string, string, TextWriter, TextWriter, int>? provision = null)
    {
        var root = ProgramCommand.Create(Program, "One module's server: its TPM-held key, the desk, activations, opening and closing.", helpWhenEmpty: true);
        root.Subcommands.Add(Provision(provision ?? ((_, _, _, _, _) => Vmre.Cli.ExitCode.Ok)));
        root.Subcommands.Add(Run(serve));
        root.Subcommands.Add(ConsoleCommand.Create());
        return root;
    }

    private static Option<string> Data() => new("--data") { Description = "the module's data directory", Required = true };

    private static Option<string> Tcti() => new("--tcti")
    {
        Description = "the server's TPM: device:/dev/tpmrm0 or swtpm:host=127.0.0.1,port=P",
        DefaultValueFactory = _ => DefaultTcti,
    };

    private static Command Provision(Func<string, string, string, TextWriter, TextWriter, int> provision)
    {
        var data = Data();
        var tcti = Tcti();
        // Issue 11 point 5: the authority the server will trust, fixed in its TPM.
        var authority = new Option<string>("--authority-pub") { Description = "the authority's public key (authority.pub.pem): its fingerprint is written once into the TPM", Required = true };
        var command = new Command("provision", ProvisionDescription) { data, tcti, authority };
        command.SetAction(parsed => provision(parsed.GetRequiredValue(data), parsed.GetRequiredValue(tcti), parsed.GetRequiredValue(authority),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static Command Run(Func<ModuleServerOptions, TextWriter, TextWriter, CancellationToken, Task<int>> serve)
    {
        var data = Data();
        var tcti = Tcti();
        var kiosk = new Option<string>("--kiosk")
        {
            Description = "the desk's kiosk face, loopback only (port 0: any free port)",
            DefaultValueFactory = _ => ModuleServerOptions.DefaultKioskUrl,
        };
        var lan = new Option<string>("--lan")
        {
            Description = "the LAN face for terminals and consoles, https://ADDRESS:PORT on the module LAN's interface, mutual TLS",
            Required = true,
        };
        var printer = new Option<string>("--printer") { Description = "serial device of the acta printer, e.g. /dev/ttyUSB0 (none: no acta printout)" };
        var terminals = new Option<string[]>("--terminal") { Description = "ID=URL: where a paired terminal's LAN face answers (https); repeatable" };
        terminals.Validators.Add(result =>
        {
            if (TerminalUrls(result.Tokens.Select(t => t.Value)) is { IsOk: false } bad) result.AddError(bad.Error!);
        });
        var deskReader = new Option<string>("--desk-reader")
        {
            Description = "serial device of the desk's PN532 card reader: officials sign in at the server's screen with card and PIN (issue 11)",
        };
        var deskIdle = new Option<int>("--desk-idle-minutes")
        {
            Description = "end a desk session after this many minutes without a request (1-120)",
            DefaultValueFactory = _ => (int)Officials.OfficialSessions.DefaultIdle.TotalMinutes,
        };
        deskIdle.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 120) result.AddError("--desk-idle-minutes must be 1-120");
        });
        var diskReserve = new Option<int>("--disk-reserve-mb")
        {
            Description = "free space (MiB) kept on the data folder's disk: new check-ins are refused below it, so closing can still be written",
            DefaultValueFactory = _ => ModuleServerOptions.DefaultDiskReserveMb,
        };
        diskReserve.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0) result.AddError("--disk-reserve-mb must be 0 or more");
        });
        var command = new Command("run", RunDescription) { data, tcti, kiosk, lan, printer, terminals, deskReader, deskIdle, diskReserve };
        command.SetAction((parsed, cancel) => serve(
            new ModuleServerOptions(parsed.GetRequiredValue(data), parsed.GetRequiredValue(kiosk), parsed.GetRequiredValue(lan))
            {
                Tcti = parsed.GetRequiredValue(tcti),
                PrinterPath = parsed.GetValue(printer),
                TerminalUrls = TerminalUrls(parsed.GetValue(terminals) ?? []).Value!,
                DeskReaderPath = parsed.GetValue(deskReader),
                DeskIdle = TimeSpan.FromMinutes(parsed.GetValue(deskIdle)),
                DiskReserveMb = parsed.GetValue(diskReserve),
            },
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancel));
        return command;
    }

    /// <summary>The options a `run` command line gives, or the first reason it is wrong (tests and tools).</summary>
    public static Parsed<ModuleServerOptions> Parse(IReadOnlyList<string> args)
    {
        ModuleServerOptions? options = null;
        var parsed = Create((o, _, _, _) => { options = o; return Task.FromResult(ExitCode.Ok); }).Parse(args);
        if (parsed.Errors.Count > 0) return Parsed<ModuleServerOptions>.Fail(parsed.Errors[0].Message);
        parsed.Invoke();
        return Parsed<ModuleServerOptions>.Ok(options!);
    }

    private static Parsed<IReadOnlyDictionary<string, string>> TerminalUrls(IEnumerable<string> values)
    {
        var terminals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            if (eq <= 0 || eq == value.Length - 1)
                return Parsed<IReadOnlyDictionary<string, string>>.Fail($"--terminal expects ID=URL, got '{value}'");
            var url = value[(eq + 1)..];
            if (Vmre.Common.Lan.FaceAddress.Lan($"--terminal {value[..eq]}:", url) is { IsOk: false } bad)
                return Parsed<IReadOnlyDictionary<string, string>>.Fail(bad.Error!);
            if (!terminals.TryAdd(value[..eq], url))
                return Parsed<IReadOnlyDictionary<string, string>>.Fail($"--terminal {value[..eq]} given twice");
        }
        return Parsed<IReadOnlyDictionary<string, string>>.Ok(terminals);
    }
}
