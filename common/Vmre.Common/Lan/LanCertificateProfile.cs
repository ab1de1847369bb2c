namespace Vmre.Common.Lan;

/// <summary>
/// The names and numbers of the LAN certificate profile (docs/formats/lan-certificate.md,
/// <c>vmre-lan-cert/1</c>), in one place so the minting side and the checking side cannot drift.
/// </summary>
public static class LanCertificateProfile
{
    /// <summary>The profile tag, carried as the subject's OU so a reader can refuse another version (rules.md E5).</summary>
    public const string V1 = "vmre-lan-cert/1";

    /// <summary>ecdsa-with-SHA256 (RFC 5758): the only signature algorithm a VMRE device key makes (rules.md R5).</summary>
    public const string EcdsaWithSha256Oid = "1.2.840.10045.4.3.2";

    /// <summary>
    /// How far back and forward the leaf is valid from its maker's clock. Wide on purpose: an
    /// isolated module LAN has no time source (issue 8 point 3), so a peer's clock may be off, and
    /// no peer judges the window anyway (see <see cref="PairedPeers.Identify"/>).
    /// </summary>
    public static readonly TimeSpan ValidBefore = TimeSpan.FromDays(1);
    public static readonly TimeSpan ValidAfter = TimeSpan.FromDays(7);

    /// <summary>The issuer names the device key that signs the leaf; it differs from the subject so no tool mistakes the leaf for a self-signed one.</summary>
    public static string IssuerCommonName(string deviceId) => $"{deviceId} device key";
}
