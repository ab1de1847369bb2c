using Vmre.Provisioning.Cli;
using Vmre.Tools.Credential;
using Vmre.Tools.Paper;
using Vmre.Tools.Testigo;

namespace Vmre.Tools.Cli;

/// <summary>
/// Every command `vmre-tools` knows, run by the provisioning tool's <see cref="CommandLine"/>,
/// so both tools read options the same way and exit the same way: 0 ok, 1 rejected input,
/// 2 usage (<see cref="ExitCode"/>).
/// </summary>
public static class ToolTable
{
    public const string ToolName = "vmre-tools";

    public static IReadOnlyList<ICommand> Commands(TextReader input) =>
    [
        new RenderEscPosCommand(),
        new ParseCredentialCommand(input),
        new DecodeTestigoCommand(input),
    ];

    /// <param name="input">Where a `-` argument is read from (stdin in the console).</param>
    public static int Run(IReadOnlyList<string> argv, TextWriter output, TextWriter error, TextReader? input = null) =>
        new CommandLine(ToolName, Commands(input ?? TextReader.Null), nameColumn: 18).Run(argv, output, error);

    /// <summary>A command line wrong in shape or value: exit 2, with where to look.</summary>
    public static int Usage(TextWriter error, CommandSpec spec, string reason) =>
        CommandLine.Usage(error, ToolName, spec, reason);
}
