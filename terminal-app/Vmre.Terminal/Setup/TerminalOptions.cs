namespace Vmre.Terminal.Setup;

/// <summary>
/// How one terminal is started (terminal-app/README.md; read from the command line by
/// <see cref="TerminalCommandLine"/>). The TCTI names the TPM ("device:/dev/tpmrm0" or
/// "swtpm:host=127.0.0.1,port=P"); printer, scanner and card reader are serial port paths
/// (real ports or the simulator's pseudo-terminals); <see cref="Gpio"/> is "chip" (the
/// board's GPIO chip, the default) or "remote:SOCKET" (a GPIO daemon's pins on a Unix socket, as
/// the hardware simulator serves them), interpreted by TerminalHost. The kiosk URL is where the
/// ballot page listens (loopback only); the LAN URL where the module server reaches the terminal
/// (https, mutual TLS); the server URL where the terminal reaches the module server's LAN face.
/// </summary>
public sealed record TerminalOptions(
    string DataDir, string Tcti, string? TerminalId, string KioskUrl, string? ServerUrl,
    string? PrinterPort, string? ScannerPort, string Gpio, string? CardReaderPort = null,
    TimeSpan? InactivityLimit = null, TimeSpan? PrintTimeout = null, string LanUrl = TerminalOptions.DefaultLanUrl)
{
    public const string DefaultTcti = "device:/dev/tpmrm0";
    /// <summary>The kiosk face: loopback only (issue 8 point 1).</summary>
    public const string DefaultKioskUrl = "http://127.0.0.1:5080";
    /// <summary>The LAN face: mutual TLS on every interface; give the module LAN's address on a real terminal.</summary>
    public const string DefaultLanUrl = "https://0.0.0.0:5443";
    public const string DefaultGpio = "chip";
}
