namespace Vmre.Terminal.Setup;

/// <summary>
/// Command-line configuration (terminal-app/README.md). The TCTI names the TPM
/// ("device:/dev/tpmrm0" or "swtpm:host=127.0.0.1,port=P"); printer and scanner are serial
/// port paths (real ports or the simulator's pseudo-terminals); gpio is "sim" or a chip number.
/// </summary>
public sealed record TerminalOptions(
    string DataDir, string Tcti, string? TerminalId, string Urls, string? ServerUrl,
    string? PrinterPort, string? ScannerPort, string Gpio)
{
    public static TerminalOptions Parse(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var data = Get("--data") ?? throw new ArgumentException("--data DIR is required");
        return new TerminalOptions(data, Get("--tcti") ?? "device:/dev/tpmrm0", Get("--terminal-id"),
            Get("--urls") ?? "http://127.0.0.1:5080", Get("--server"), Get("--printer"), Get("--scanner"), Get("--gpio") ?? "sim");
    }
}
