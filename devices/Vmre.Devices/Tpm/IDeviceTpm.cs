namespace Vmre.Devices.Tpm;

/// <summary>
/// The terminal's TPM 2.0. One implementation (FAPI through tpm2-tss); what differs between a
/// real terminal and the simulator is only the TCTI: /dev/tpmrm0 or swtpm (brief section 4).
/// </summary>
public interface IDeviceTpm : IDisposable
{
    /// <summary>Provision the storage hierarchy; idempotent.</summary>
    void Provision();

    /// <summary>Create a non-exportable ECDSA P-256 signing key at the FAPI path; returns its public key (PEM).</summary>
    string CreateSigningKey(string path);

    /// <summary>Public key (PEM) of an existing signing key.</summary>
    string PublicKeyPem(string path);

    /// <summary>ECDSA P-256 signature (DER) over a SHA-256 digest, made inside the TPM (rules.md R5).</summary>
    byte[] SignDigest(string path, byte[] sha256Digest);

    /// <summary>Seal a secret so that only this TPM can unseal it.</summary>
    void Seal(string path, byte[] secret);

    byte[] Unseal(string path);

    byte[] Random(int count);
}
