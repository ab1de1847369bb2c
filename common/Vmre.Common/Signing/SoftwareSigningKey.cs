using System.Security.Cryptography;

namespace Vmre.Common.Signing;

/// <summary>
/// An ECDSA P-256 key held in a file (PKCS#8 PEM, mode 0600): the authority's key on the
/// provisioning workstation and, for now, the module server's key. Terminal keys never use
/// this: they live in the TPM.
/// </summary>
public sealed class SoftwareSigningKey : ISigner
{
    private readonly ECDsa _key;

    private SoftwareSigningKey(ECDsa key)
    {
        _key = key;
        KeyId = PublicKey.IdOf(key);
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem() + "\n";
    }

    public string KeyId { get; }
    public string PublicKeyPem { get; }

    public static SoftwareSigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static SoftwareSigningKey Load(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new SoftwareSigningKey(key);
    }

    /// <param name="preface">Text written before the PEM block, e.g. the provisioning tool's key-role line.</param>
    public void Save(string path, string? preface = null)
    {
        // Create the file 0600 from the start: writing first and chmod-ing after left the private
        // key world-readable (umask 022) for a moment. The chmod still tightens an existing file.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, options)) writer.Write(preface + _key.ExportPkcs8PrivateKeyPem() + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
}
