using Vmre.Tools.Cli;

namespace Vmre.Provisioning.Tests.Tools;

/// <summary>Runs `vmre-tools` in-process, with an optional standard input, and captures what it printed.</summary>
public sealed record ToolCli(int Exit, string Out, string Err)
{
    public static ToolCli Run(params string[] argv) => RunWithInput("", argv);

    public static ToolCli RunWithInput(string stdin, params string[] argv)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ToolTable.Run(argv, output, error, new StringReader(stdin));
        return new ToolCli(exit, output.ToString(), error.ToString());
    }
}
