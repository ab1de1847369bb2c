namespace Vmre.Terminal.Hosting;

/// <summary>
/// The terminal refuses to start: not provisioned, the installed election does not verify,
/// the TPM holds another key, or a required option is missing. The command line turns it
/// into an exit code (1: refused; 2: usage error) and the reason on stderr.
/// </summary>
public sealed class TerminalStartupException(string reason, bool usageError = false) : Exception(reason)
{
    public bool UsageError { get; } = usageError;
}
