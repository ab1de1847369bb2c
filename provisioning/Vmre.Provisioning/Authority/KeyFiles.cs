using System.Security.Cryptography;
using Vmre.Cli;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Provisioning.Authority;

/// <summary>
/// Reading and writing key files at the boundary. A missing or unreadable file, a public key
/// where a private one is needed (or the reverse), a private key of another
/// <see cref="KeyRole"/> and a key that is not ECDSA P-256 are expected failures with a reason
/// (rules.md R5: VMRE signs with P-256 only; issue 7.5: the wrong key is refused, never used).
/// </summary>
public static class KeyFiles
{
    private const string PrivateMarker = "PRIVATE KEY-----";

    public static Parsed<SoftwareSigningKey> LoadPrivate(string path, KeyRole role)
    {
        var text = ReadText(path, "key file");
        if (!text.IsOk) return Parsed<SoftwareSigningKey>.Fail(text.Error!);
        var wanted = KeyRoleLabel.Describe(role);
        if (!text.Value!.Contains(PrivateMarker, StringComparison.Ordinal))
            return Parsed<SoftwareSigningKey>.Fail($"{path} holds no private key (a public key?); expected {wanted}");
        var (found, label) = KeyRoleLabel.Read(text.Value);
        if (found != role)
        {
            var what = found is { } other ? $"is {KeyRoleLabel.Describe(other)}"
                : label is null ? "carries no VMRE key role (vmre-provision labels every private key it writes)"
                : $"carries an unknown key role '{label}'";
            return Parsed<SoftwareSigningKey>.Fail($"{path} {what}; expected {wanted}");
        }
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

    public static Parsed<PublicKey> LoadPublic(string path)
    {
        var text = ReadText(path, "public key file");
        if (!text.IsOk) return Parsed<PublicKey>.Fail(text.Error!);
        // A private key would import too (its public half), and a technician who hands one
        // over where a public key belongs is about to copy a secret somewhere it must not go.
        if (text.Value!.Contains(PrivateMarker, StringComparison.Ordinal))
            return Parsed<PublicKey>.Fail($"{path} is a private key; give its public key (.pub.pem) instead");
        return LoadPublicPem(text.Value, path);
    }

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

    /// <summary>
    /// Writes a new private key with its role line, mode 0600, all or nothing: to a temporary
    /// sibling first, then renamed into place without ever replacing an existing key.
    /// </summary>
    /// <returns>False when <paramref name="path"/> already exists (nothing is written then).</returns>
    public static bool SavePrivate(SoftwareSigningKey key, string path, KeyRole role)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        try
        {
            key.Save(temp, KeyRoleLabel.Line(role));
            if (File.Exists(full)) return false;
            File.Move(temp, full, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(full))
        {
            return false; // another process made the key between the check and the rename
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static Parsed<string> ReadText(string path, string what)
    {
        if (InputFile.Problem(path, what) is { } problem) return Parsed<string>.Fail(problem);
        try
        {
            return Parsed<string>.Ok(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Parsed<string>.Fail($"{what} {path} cannot be read: {e.Message}");
        }
    }
}
