namespace Vmre.Cli;

/// <summary>
/// The three outcomes every VMRE executable reports (provisioning/README.md, "Exit codes";
/// issue 7.5: the codes are kept when the parsers became System.CommandLine).
/// </summary>
public static class ExitCode
{
    public const int Ok = 0;

    /// <summary>The command understood its arguments but refused: bad input, bad signature, wrong key, existing file.</summary>
    public const int Refused = 1;

    /// <summary>The command line itself was wrong: unknown, missing or malformed option or argument.</summary>
    public const int Usage = 2;
}
