using Vmre.Provisioning.Cli;

namespace Vmre.Provisioning.Tests.Support;

/// <summary>Runs `vmre-provision` in-process and captures what it printed.</summary>
public sealed record Cli(int Exit, string Out, string Err)
{
    public static Cli Run(params string[] argv)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandTable.Run(argv, output, error);
        return new Cli(exit, output.ToString(), error.ToString());
    }
}
