using Vmre.Cli;
using Vmre.Tools.Credential;
using Vmre.Tools.Paper;
using Vmre.Tools.Testigo;

namespace Vmre.Tools.Cli;

/// <summary>
/// Every command `vmre-tools` knows, read by System.CommandLine as every VMRE executable is
/// (issue 7.5): --help on each, unknown options refused, exit 0 ok, 1 rejected input, 2 usage.
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
        CommandLineProgram.Run(
            CommandTree.Build(ToolName, "The technician's bench tools: ESC/POS to paper, a credential's MRZ, a testigo's QR.", Commands(input ?? TextReader.Null)),
            argv, output, error);
}
