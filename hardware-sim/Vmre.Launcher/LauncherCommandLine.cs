using System.CommandLine;
using Vmre.Cli;

namespace Vmre.Launcher;

/// <summary>What vmre-launch was asked to do: measure this program and data folder on this TPM, then become COMMAND.</summary>
public sealed record LaunchRequest(string ProgramDir, string DataDir, string Tcti, IReadOnlyList<string> Command);

/// <summary>`vmre-launch --program DIR --data DIR --tcti TCTI -- COMMAND [ARGS...]`, read by System.CommandLine (issue 7.5).</summary>
public static class LauncherCommandLine
{
    public const string Program = "vmre-launch";

    public static Command Create(Func<LaunchRequest, TextWriter, TextWriter, int> launch)
    {
        var root = ProgramCommand.Create(Program,
            "The measured start of the simulator (issue 10): measure the terminal's program and configuration into PCR 13, "
            + "then replace this process with COMMAND.\n"
            + "example: vmre-launch --program /opt/vmre/terminal --data /var/lib/vmre --tcti device:/dev/tpmrm0 -- "
            + "dotnet /opt/vmre/terminal/vmre-terminal.dll run --data /var/lib/vmre ...");
        var program = new Option<string>("--program") { Description = "the terminal's program folder (measured file by file)", Required = true };
        var data = new Option<string>("--data") { Description = "the terminal's data folder (configuration measured, measured-start.json written)", Required = true };
        var tcti = new Option<string>("--tcti") { Description = "the TPM: device:/dev/tpmrm0 or swtpm:host=127.0.0.1,port=P", Required = true };
        var command = new Argument<string[]>("command") { Description = "after --: the program to become and its arguments", Arity = ArgumentArity.OneOrMore };
        root.Options.Add(program);
        root.Options.Add(data);
        root.Options.Add(tcti);
        root.Arguments.Add(command);
        root.SetAction(parsed => launch(
            new LaunchRequest(parsed.GetRequiredValue(program), parsed.GetRequiredValue(data), parsed.GetRequiredValue(tcti), parsed.GetRequiredValue(command)),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return root;
    }
}
