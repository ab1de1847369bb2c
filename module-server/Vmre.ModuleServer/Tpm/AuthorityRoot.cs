using System.Security.Cryptography;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;

namespace Vmre.ModuleServer.Tpm;

/// <summary>
/// The module server's trust root (issue 11 point 5): the authority key's fingerprint —
/// SHA-256 of its SubjectPublicKeyInfo, 32 bytes — written once into a TPM NV index at
/// provisioning (FapiTpm.CreateWriteOnce: writable only while never written). At start the
/// authority.pub.pem in the data folder must have that fingerprint, so swapping the key (and
/// re-signing the documents with the new one) on the writable disk is refused.
/// </summary>
public static class AuthorityRoot
{
    public const string NvPath = "/nv/Owner/vmre-authority";

    public static byte[] Fingerprint(string pem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return SHA256.HashData(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Provisioning: create the write-once index and write the authority's fingerprint into it.</summary>
    public static void Write(FapiTpm tpm, string authorityPem)
    {
        var fingerprint = Fingerprint(authorityPem);
        tpm.CreateWriteOnce(NvPath, fingerprint.Length);
        tpm.WriteOnce(NvPath, fingerprint);
    }

    /// <summary>Start: why the folder's authority key is not the one the TPM holds, or null when it is.</summary>
    public static string? Problem(FapiTpm tpm, string dataDir)
    {
        var file = Path.Combine(dataDir, Documents.ModuleDocuments.AuthorityFile);
        byte[]? held;
        try { held = tpm.ReadWriteOnce(NvPath); }
        catch (TpmError e) { return $"the server's TPM cannot read its authority fingerprint ({NvPath}): {e.Message}"; }
        if (held is null)
            return $"the server's TPM holds no authority fingerprint ({NvPath}): provision it with vmre-module-server provision --authority-pub";
        string pem;
        try { pem = File.ReadAllText(file); }
        catch (IOException e) { return $"cannot read {file}: {e.Message}"; }
        byte[] found;
        try { found = Fingerprint(pem); }
        catch (Exception e) when (e is CryptographicException or ArgumentException) { return $"{file} is not a public key: {e.Message}"; }
        return CryptographicOperations.FixedTimeEquals(held, found)
            ? null
            : $"{Documents.ModuleDocuments.AuthorityFile} has fingerprint {Convert.ToHexStringLower(found)}, but the server's TPM was provisioned "
              + $"for authority {Convert.ToHexStringLower(held)}: the authority key in the data folder was replaced";
    }
}
