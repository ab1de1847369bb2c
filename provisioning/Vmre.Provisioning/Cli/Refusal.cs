namespace Vmre.Provisioning.Cli;

/// <summary>Brief: bad input gets a specific error. A refusal names what was refused and why, on stderr.</summary>
public static class Refusal
{
    public static int Write(TextWriter error, string reason)
    {
        error.WriteLine("refused: " + reason);
        return ExitCode.Refused;
    }

    /// <summary>A command line the command understood the shape of but not a value in: exit 2, named by command.</summary>
    public static int Usage(TextWriter error, CommandSpec spec, string reason) => Usage(error, CommandTable.Program, spec, reason);

    /// <param name="program">The tool the command belongs to (`vmre-provision`, `vmre-tools`).</param>
    public static int Usage(TextWriter error, string program, CommandSpec spec, string reason)
    {
        error.WriteLine($"{program} {spec.Name}: {reason}");
        return ExitCode.Usage;
    }
}
