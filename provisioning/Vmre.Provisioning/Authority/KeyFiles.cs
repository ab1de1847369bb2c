using System.Security.Cryptography;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Provisioning.Authority;

/// <summary>
/// Reading key files at the boundary: a missing file or a key that is not ECDSA P-256 is an
/// expected failure with a reason (brief rule 5: VMRE signs with P-256 only).
/// </summary>
public static class KeyFiles
{
    public static Parsed<SoftwareSigningKey> LoadPrivate(string path)
    {
        if (!File.Exists(path)) return Parsed<SoftwareSigningKey>.Fail($"key file not found: {path}");
        try
        {
            var key = SoftwareSigningKey.Load(path);
            // Load accepts any EC curve; check through the public half.
            var check = LoadPublicPem(key.PublicKeyPem, path);
            return check.IsOk ? Parsed<SoftwareSigningKey>.Ok(key) : Parsed<SoftwareSigningKey>.Fail(check.Error!);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return Parsed<SoftwareSigningKey>.Fail($"{path} is not an ECDSA private key in PEM: {e.Message}");
        }
    }

    public static Parsed<PublicKey> LoadPublic(string path) =>
        File.Exists(path)
            ? LoadPublicPem(File.ReadAllText(path), path)
            : Parsed<PublicKey>.Fail($"public key file not found: {path}");

    public static Parsed<PublicKey> LoadPublicPem(string pem, string source)
    {
        try
        {
            using var probe = ECDsa.Create();
            probe.ImportFromPem(pem);
            var curve = probe.ExportParameters(false).Curve;
            if (probe.KeySize != 256 || curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
                return Parsed<PublicKey>.Fail($"{source} is not an ECDSA P-256 key (got {curve.Oid?.FriendlyName ?? "an unnamed curve"}, {probe.KeySize} bits)");
            return Parsed<PublicKey>.Ok(PublicKey.FromPem(pem));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return Parsed<PublicKey>.Fail($"{source} is not an ECDSA P-256 public key in PEM: {e.Message}");
        }
    }
}
