namespace Vmre.Provisioning.Cli;

/// <summary>The three outcomes every command reports (provisioning/README.md).</summary>
public static class ExitCode
{
    public const int Ok = 0;

    /// <summary>The command understood its arguments but refused: bad input, bad signature, existing key.</summary>
    public const int Refused = 1;

    /// <summary>The command line itself was wrong: missing or unknown option.</summary>
    public const int Usage = 2;
}
