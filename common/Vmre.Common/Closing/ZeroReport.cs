namespace Vmre.Common.Closing;

/// <summary>
/// A terminal's zero report at opening (reporte de inicio), signed by its TPM key: all
/// counters must be zero or the module refuses to open (brief section 2.2). Measurements is the
/// SHA-256 of the authority-signed measurement manifest the terminal started under (issue 10
/// point 1; absent from reports made before it).
/// </summary>
public sealed record ZeroReport(
    string Format,
    string TerminalId, string ModuleId, string PackageHash, string SoftwareHash,
    string Utc, string Local, string CommandNonce,
    int VotesSealed, int TestigosPrinted, int ActivationsRedeemed,
    IReadOnlyList<string> SelfTestFailures,
    string? Measurements = null)
{
    public const string FormatV1 = "vmre-zero-report/1";

    [System.Text.Json.Serialization.JsonIgnore]
    public bool AllZero => VotesSealed == 0 && TestigosPrinted == 0 && ActivationsRedeemed == 0;
}
