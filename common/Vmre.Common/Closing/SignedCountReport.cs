using Vmre.Common.Signing;

namespace Vmre.Common.Closing;

/// <summary>
/// What the terminal posts (docs/formats/count-report.md): the count report in the signed
/// envelope (kind <c>count-report</c>, signed by the run's LAN leaf key, so no TPM command per
/// report) and that leaf certificate (base64 DER), which the terminal's TPM device key certified
/// (docs/formats/lan-certificate.md). The server checks the leaf against the key the module
/// config pins, then the report under the leaf's key.
/// </summary>
public sealed record SignedCountReport(SignedDocument Report, string Certificate);
