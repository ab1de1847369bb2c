using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using PublicKey = Vmre.Common.Signing.PublicKey;

namespace Vmre.Common.Lan;

/// <summary>
/// Who may be on the other end of a LAN connection: device ids and the keys pinned for them in
/// the signed module config (issue 8 point 2). A presented leaf proves a device only if the key
/// pinned for the device it names signed it; no CA, no chain, no DNS name, no clock.
/// </summary>
public sealed class PairedPeers
{
    private readonly Dictionary<string, PublicKey> _pinned;

    public PairedPeers(IReadOnlyDictionary<string, PublicKey> pinnedKeysByDeviceId) =>
        _pinned = new Dictionary<string, PublicKey>(pinnedKeysByDeviceId, StringComparer.Ordinal);

    public IReadOnlyCollection<string> DeviceIds => _pinned.Keys;

    /// <summary>
    /// Only the device this side means to reach: the server dialling T-CHI-01 pins T-CHI-01
    /// alone, so a connection that lands on another paired terminal is refused (issue 8 point 6).
    /// Asking for a device that is not paired is a wiring mistake, not a refusal.
    /// </summary>
    public PairedPeers Only(string deviceId) => _pinned.TryGetValue(deviceId, out var key)
        ? new PairedPeers(new Dictionary<string, PublicKey> { [deviceId] = key })
        : throw new ArgumentException($"{deviceId} is not paired", nameof(deviceId));

    /// <summary>
    /// The peer a presented certificate proves, or a refusal with a specific reason (rules.md R7).
    /// The validity period is deliberately not judged: the module LAN is isolated and has no time
    /// source, so either clock may be off (issue 8 point 3), and a window judged on a wrong clock
    /// would refuse a genuine terminal on election day. What a leaf proves rests on the pinned
    /// device key alone; its TLS key lives only in the memory of the run that made it.
    /// </summary>
    public Parsed<LanPeer> Identify(X509Certificate? presented)
    {
        if (presented is null) return Parsed<LanPeer>.Fail("no certificate");
        var parsed = LanLeaf.Parse(presented.GetRawCertData());
        if (!parsed.IsOk) return Parsed<LanPeer>.Fail(parsed.Error!);
        var leaf = parsed.Value!;
        if (leaf.Profile != LanCertificateProfile.V1)
            return Parsed<LanPeer>.Fail($"certificate profile '{Shown(leaf.Profile)}' is not {LanCertificateProfile.V1}");
        var id = leaf.DeviceId!;
        if (!_pinned.TryGetValue(id, out var key)) return Parsed<LanPeer>.Fail($"certificate names {Shown(id)}, which is not paired");
        if (leaf.SignatureAlgorithm != LanCertificateProfile.EcdsaWithSha256Oid)
            return Parsed<LanPeer>.Fail($"certificate signature algorithm {Shown(leaf.SignatureAlgorithm)} is not ecdsa-with-SHA256");
        if (!key.Verify(leaf.SignedBytes, leaf.Signature))
            return Parsed<LanPeer>.Fail(leaf.SignedByItsOwnKey()
                ? $"self-signed certificate: not signed by the key paired with {id}"
                : $"not signed by the key paired with {id}");
        return Parsed<LanPeer>.Ok(new LanPeer(id));
    }

    /// <summary>
    /// A name from an unverified certificate goes into a log line: keep it printable and short, so
    /// a hostile peer cannot forge or flood log lines (rules.md R7).
    /// </summary>
    private static string Shown(string? text)
    {
        if (text is null) return "";
        var clean = new string(text.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
        return clean.Length <= 64 ? clean : clean[..64] + "…";
    }
}
