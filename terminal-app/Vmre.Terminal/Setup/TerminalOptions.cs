namespace Vmre.Terminal.Setup;

/// <summary>
/// Command-line configuration (terminal-app/README.md). The TCTI names the TPM
/// ("device:/dev/tpmrm0" or "swtpm:host=127.0.0.1,port=P"); printer, scanner and card reader are
/// serial port paths (real ports or the simulator's pseudo-terminals); gpio is "chip" (the
/// board's GPIO chip, the default) or "remote:SOCKET" (a GPIO daemon's pins on a Unix socket,
/// as the hardware simulator serves them).
/// </summary>
public sealed record TerminalOptions(
    string DataDir, string Tcti, string? TerminalId, string Urls, string? ServerUrl,
    string? PrinterPort, string? ScannerPort, string Gpio, string? CardReaderPort = null,
    TimeSpan? InactivityLimit = null, TimeSpan? PrintTimeout = null)
{
    public static TerminalOptions Parse(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        TimeSpan? Seconds(string name)
        {
            var text = Get(name);
            if (text is null) return null;
            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0
                ? TimeSpan.FromSeconds(s)
                : throw new ArgumentException($"{name} takes a whole number of seconds, got '{text}'");
        }
        var data = Get("--data") ?? throw new ArgumentException("--data DIR is required");
        return new TerminalOptions(data, Get("--tcti") ?? "device:/dev/tpmrm0", Get("--terminal-id"),
            Get("--urls") ?? "http://127.0.0.1:5080", Get("--server"), Get("--printer"), Get("--scanner"), Get("--gpio") ?? "chip",
            Get("--card-reader"), Seconds("--inactivity"), Seconds("--print-timeout"));
    }
}
