namespace Vmre.Devices.Tpm;

/// <summary>
/// The terminal's TPM 2.0. One implementation (FAPI through tpm2-tss); what differs between a
/// real terminal and the simulator is only the TCTI: /dev/tpmrm0 or swtpm (brief section 4).
/// </summary>
public interface IDeviceTpm : IDisposable
{
    /// <summary>Provision the storage hierarchy; idempotent.</summary>
    void Provision();

    /// <summary>Create a non-exportable ECDSA P-256 signing key with no auth value; returns its public key (PEM).</summary>
    string CreateSigningKey(string path);

    /// <summary>
    /// Create a non-exportable ECDSA P-256 signing key at the FAPI path whose use needs
    /// <paramref name="authValue"/> ("" = none); returns its public key (PEM).
    /// </summary>
    string CreateSigningKey(string path, string authValue);

    /// <summary>Public key (PEM) of an existing signing key; needs no auth value.</summary>
    string PublicKeyPem(string path);

    /// <summary>ECDSA P-256 signature (DER) over a SHA-256 digest, made inside the TPM (rules.md R5).</summary>
    byte[] SignDigest(string path, byte[] sha256Digest);

    /// <summary>Seal a secret so that only this TPM can unseal it.</summary>
    void Seal(string path, byte[] secret);

    /// <summary>
    /// Unseal; for data sealed with <see cref="SealToPcr"/> outside that PCR state, throws a
    /// <see cref="TpmError"/> whose <see cref="TpmError.IsPolicyFailure"/> is true.
    /// </summary>
    byte[] Unseal(string path);

    byte[] Random(int count);

    /// <summary>
    /// Extend a PCR of the SHA-256 bank with a 32-byte digest. Through FAPI this is
    /// TPM2_PCR_Event: the PCR becomes SHA256(pcr || SHA256(digest)) (docs/formats/measurements.md).
    /// </summary>
    void PcrExtend(int pcr, byte[] sha256Digest);

    /// <summary>The PCR's current SHA-256 bank value.</summary>
    byte[] PcrRead(int pcr);

    /// <summary>Seal a secret under PolicyPCR naming an explicit value of one PCR (issue 10 point 1).</summary>
    void SealToPcr(string path, byte[] secret, int pcr, byte[] expectedPcrValue);

    /// <summary>Remember the auth value of an object for later calls on it (Sign, NV, ChangeAuth).</summary>
    void UseAuth(string path, string authValue);

    /// <summary>Change an object's auth value; the remembered auth is the current one.</summary>
    void ChangeAuth(string path, string newAuthValue);

    /// <summary>Create an NV counter (FAPI type counter) with an auth value; it is incremented once so it can be read.</summary>
    void CreateCounter(string nvPath, string authValue);

    /// <summary>Increment the counter (one NV write) and return its new value.</summary>
    ulong IncrementCounter(string nvPath);

    ulong ReadCounter(string nvPath);

    /// <summary>Delete a keystore object (key, sealed data, NV index, policy).</summary>
    void Delete(string path);
}
