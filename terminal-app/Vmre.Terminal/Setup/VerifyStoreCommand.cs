using System.CommandLine;

namespace Vmre.Terminal.Setup;

/// <summary>
/// `vmre-terminal verify-store --data DIR [--tcti T]` (issue 10 point 5), registered by
/// <see cref="TerminalCommandLine"/>; started through vmre-launch like `run` (`./vmre verify-store`).
/// </summary>
public static class VerifyStoreCommand
{
    public static Command Create(Func<TerminalOptions, TextWriter, TextWriter, int> verify)
    {
        var data = new Option<string>("--data") { Description = "the terminal's data directory", Required = true };
        var tcti = new Option<string>("--tcti")
        {
            Description = "the TPM: device:/dev/tpmrm0 or swtpm:host=127.0.0.1,port=P",
            DefaultValueFactory = _ => TerminalOptions.DefaultTcti,
        };
        var command = new Command("verify-store",
            "Verify the vote store offline, after the measured start (through vmre-launch): every slot, the header, the digest, the epoch.\n"
            + $"Prints one line per finding; exit 0 whole, {VerifyStore.NotWhole} not whole, 1 refused (e.g. not started measured).\n"
            + "example: vmre-launch --program /opt/vmre/terminal --data /var/lib/vmre -- dotnet /opt/vmre/terminal/vmre-terminal.dll verify-store --data /var/lib/vmre")
        { data, tcti };
        command.SetAction(parsed => verify(
            new TerminalOptions(parsed.GetRequiredValue(data), parsed.GetRequiredValue(tcti), null,
                TerminalOptions.DefaultKioskUrl, null, null, null, TerminalOptions.DefaultGpio),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }
}
