using Vmre.Common.Signing;

namespace Vmre.ModuleServer.Terminals;

/// <summary>
/// Keeps every verified zero report and closing record exactly as signed, one file per
/// terminal (named by terminal id, never by time: rules.md R3), so auditors can re-verify
/// what the acta was built from (section 2.6).
/// </summary>
public sealed class ReceivedDocuments(string dataDir)
{
    public const string ZeroReports = "zero-reports";
    public const string ClosingRecords = "closing-records";

    public string Save(string folder, string terminalId, SignedDocument document)
    {
        var path = Path.Combine(dataDir, folder, SafeName(terminalId) + ".signed.json");
        document.WriteFile(path);
        return path;
    }

    // Terminal ids come from the signed config, but a file name must never climb out of DIR.
    private static string SafeName(string id) =>
        new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
