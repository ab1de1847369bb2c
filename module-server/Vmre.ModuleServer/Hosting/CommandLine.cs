using System.CommandLine;
using Vmre.Cli;
using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Hosting;

/// <summary>
/// <c>vmre-module-server --data DIR [--kiosk URL] [--lan URL] [--printer DEVICE] [--terminal ID=URL ...]</c>
/// (and <c>console provision|run</c>, <see cref="ConsoleCommand"/>),
/// read by System.CommandLine at the boundary (issue 7.5): --help, unknown options and
/// malformed values are usage errors (exit 2) that name the option.
/// </summary>
public static class CommandLine
{
    public const string Program = "vmre-module-server";

    private const string Description =
        "Run one module's server: check-in desk, activations, polls opening and closing, actas.\n"
        + "DIR holds authority.pub.pem, election-package.signed.json, lnere-slice.signed.json, module-config.signed.json\n"
        + "and server.key (module-server/README.md); every signed input is verified before anything listens.\n"
        + "The desk is served on the kiosk face (loopback only); terminals and paired desk and observers' consoles reach the LAN face\n"
        + "(mutual TLS, paired keys only). A console runs 'vmre-module-server console provision|run' (module-server/README.md).\n"
        + "example: vmre-module-server --data chi --lan https://10.0.0.2:5443 --printer /dev/ttyUSB0 --terminal T1=https://10.0.0.11:5443";

    /// <summary>The program's command; <paramref name="serve"/> runs the server with the parsed options.</summary>
    public static Command Create(Func<ModuleServerOptions, TextWriter, TextWriter, CancellationToken, Task<int>> serve)
    {
        var data = new Option<string>("--data") { Description = "the module's data directory, as provisioning wrote it", Required = true };
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
        var root = ProgramCommand.Create(Program, Description);
        root.Options.Add(data);
        root.Options.Add(kiosk);
        root.Options.Add(lan);
        root.Options.Add(printer);
        root.Options.Add(terminals);
        root.Subcommands.Add(ConsoleCommand.Create());
        root.SetAction((parsed, cancel) => serve(
            new ModuleServerOptions(parsed.GetRequiredValue(data), parsed.GetRequiredValue(kiosk), parsed.GetRequiredValue(lan))
            {
                PrinterPath = parsed.GetValue(printer),
                TerminalUrls = TerminalUrls(parsed.GetValue(terminals) ?? []).Value!,
            },
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancel));
        return root;
    }

    /// <summary>The options a command line gives, or the first reason it is wrong (tests and tools).</summary>
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
