namespace Vmre.Provisioning.Cli;

/// <summary>Brief: bad input gets a specific error. A refusal names what was refused and why, on stderr.</summary>
public static class Refusal
{
    public static int Write(TextWriter error, string reason)
    {
        error.WriteLine("refused: " + reason);
        return ExitCode.Refused;
    }
}
