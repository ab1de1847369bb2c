namespace Vmre.Terminal.Setup;

/// <summary>
/// How one terminal is started (terminal-app/README.md; read from the command line by
/// <see cref="TerminalCommandLine"/>). The TCTI names the TPM ("device:/dev/tpmrm0" or
/// "swtpm:host=127.0.0.1,port=P"); printer, scanner and card reader are serial port paths
/// (real ports or the simulator's pseudo-terminals); <see cref="Gpio"/> is "chip" (the
/// board's GPIO chip, the default) or "remote:SOCKET" (a GPIO daemon's pins on a Unix socket, as
/// the hardware simulator serves them), interpreted by TerminalHost.
/// </summary>
public sealed record TerminalOptions(
    string DataDir, string Tcti, string? TerminalId, string Urls, string? ServerUrl,
    string? PrinterPort, string? ScannerPort, string Gpio, string? CardReaderPort = null,
    TimeSpan? InactivityLimit = null, TimeSpan? PrintTimeout = null)
{
    public const string DefaultTcti = "device:/dev/tpmrm0";
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public const string DefaultGpio = "chip";
}
