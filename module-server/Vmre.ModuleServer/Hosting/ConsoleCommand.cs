using System.CommandLine;
using Vmre.ModuleServer.Consoles;

namespace Vmre.ModuleServer.Hosting;

/// <summary>
/// <c>vmre-module-server console provision|run</c>: a desk or observers' console, paired like a
/// terminal (issue 8 point 1). The same program runs both; the server decides by the role it pins.
/// </summary>
public static class ConsoleCommand
{
    public static Command Create() => Create(ConsoleRun.Provision, ConsoleRun.Serve);

    /// <summary>The command with its actions given (tests parse without a TPM).</summary>
    public static Command Create(Func<ConsoleOptions, TextWriter, TextWriter, int> provision,
        Func<ConsoleOptions, TextWriter, TextWriter, CancellationToken, Task<int>> run)
    {
        var command = new Command("console", "A desk or observers' console: its device key in its own TPM, the desk page on its loopback.");
        command.Subcommands.Add(Provision(provision));
        command.Subcommands.Add(Run(run));
        return command;
    }

    private static Option<string> Data() => new("--data") { Description = "the console's data directory", Required = true };

    private static Option<string> Tcti() => new("--tcti")
    {
        Description = "the console's TPM: device:/dev/tpmrm0 or swtpm:host=127.0.0.1,port=P",
        DefaultValueFactory = _ => ConsoleOptions.DefaultTcti,
    };

    private static Option<string> ConsoleId()
    {
        var id = new Option<string>("--console-id") { Description = "the id the module config pairs this console under, e.g. DESK-01", Required = true };
        id.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (Vmre.Common.Module.ModuleConfigCheck.ConsoleIdProblem(value) is { } problem) result.AddError("--console-id: " + problem);
        });
        return id;
    }

    private static Command Provision(Func<ConsoleOptions, TextWriter, TextWriter, int> provision)
    {
        var (data, tcti, id) = (Data(), Tcti(), ConsoleId());
        var command = new Command("provision",
            "Create the console's device key in its TPM; writes DIR/console-public.pem for vmre-provision module configure --console.\n"
            + "example: vmre-module-server console provision --data /var/lib/vmre-console --console-id DESK-01") { data, tcti, id };
        command.SetAction(parsed => provision(
            new ConsoleOptions(parsed.GetRequiredValue(data), parsed.GetRequiredValue(id), "", "", ConsoleOptions.DefaultKioskUrl)
                { Tcti = parsed.GetRequiredValue(tcti) },
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static Command Run(Func<ConsoleOptions, TextWriter, TextWriter, CancellationToken, Task<int>> run)
    {
        var (data, tcti, id) = (Data(), Tcti(), ConsoleId());
        var server = new Option<string>("--server") { Description = "the module server's LAN face, https://ADDRESS:PORT", Required = true };
        var serverKey = new Option<string>("--server-key") { Description = "the module server's public key (PEM), pinned", Required = true };
        var kiosk = new Option<string>("--kiosk")
        {
            Description = "the console's kiosk face for its own browser, loopback only (port 0: any free port)",
            DefaultValueFactory = _ => ConsoleOptions.DefaultKioskUrl,
        };
        var deskReader = new Option<string>("--desk-reader")
        {
            Description = "serial device of the console's PN532 card reader, where officials sign in with card and PIN (issue 11)",
        };
        var command = new Command("run",
            "Serve the desk page on this console's loopback and pass its API calls to the server's LAN face over mutual TLS.\n"
            + "example: vmre-module-server console run --data /var/lib/vmre-console --console-id DESK-01 "
            + "--server https://10.0.0.2:5443 --server-key server-public.pem --kiosk http://127.0.0.1:5000 --desk-reader /dev/ttyUSB0")
        {
            data, tcti, id, server, serverKey, kiosk, deskReader,
        };
        command.SetAction((parsed, cancel) => run(
            new ConsoleOptions(parsed.GetRequiredValue(data), parsed.GetRequiredValue(id), parsed.GetRequiredValue(server),
                parsed.GetRequiredValue(serverKey), parsed.GetRequiredValue(kiosk))
                { Tcti = parsed.GetRequiredValue(tcti), DeskReaderPath = parsed.GetValue(deskReader) },
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancel));
        return command;
    }
}
