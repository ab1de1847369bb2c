namespace Vmre.Cli;

/// <summary>
/// Bad input gets a specific error (issue 7.5): a refusal names what was refused and why, on
/// stderr, and exits <see cref="ExitCode.Refused"/>. The caller has written nothing yet, or
/// writes only through temporary files it renames at the end.
/// </summary>
public static class Refusal
{
    public static int Write(TextWriter error, string reason)
    {
        error.WriteLine("refused: " + reason);
        return ExitCode.Refused;
    }
}
