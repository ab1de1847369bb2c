using System.Security.Cryptography;
using System.Text;

namespace Vmre.Terminal.Tpm;

/// <summary>
/// Everything the terminal's secrets come from (issue 10 point 1, docs/formats/measurements.md):
/// one 32-byte master secret from the OS CSPRNG, sealed in the TPM to the measured-start PCR
/// value at <see cref="MasterPath"/>, and the keys derived from it with HKDF-SHA256 (no salt).
/// Only the genuine program, started through the measured start, can unseal the master, so only
/// it can decrypt votes, authenticate the store, sign, and advance the store's epoch.
/// </summary>
public sealed record TerminalSecrets(byte[] StorageKey, byte[] StoreMacKey, string DeviceKeyAuth, string EpochAuth)
{
    public const string MasterPath = "/HS/SRK/vmre-master";
    /// <summary>Where `reseal` seals the master to the new manifest before switching (crash safety).</summary>
    public const string NextMasterPath = "/HS/SRK/vmre-master-next";
    public const string EpochPath = "/nv/Owner/vmre-epoch";
    public const int MasterLength = 32;

    public static TerminalSecrets From(byte[] master)
    {
        if (master.Length != MasterLength) throw new InvalidDataException($"the master secret has {master.Length} bytes, expected {MasterLength}");
        return new(
            Derive(master, "vmre-storage-key/1"),
            Derive(master, "vmre-store-mac/1"),
            Convert.ToHexStringLower(Derive(master, "vmre-device-key-auth/1", AuthBytes)),
            Convert.ToHexStringLower(Derive(master, "vmre-epoch-auth/1", AuthBytes)));
    }

    /// <summary>A fresh master secret, from the OS CSPRNG (rules.md R3).</summary>
    public static byte[] NewMaster() => RandomNumberGenerator.GetBytes(MasterLength);

    /// <summary>
    /// An auth value is at most the name algorithm's digest size, 32 bytes for SHA-256 (the TPM
    /// answers TPM_RC_SIZE beyond), and FAPI takes it as a C string: so 16 derived bytes as 32
    /// lowercase hex characters. 128 bits on a key and an index without dictionary-attack lockout
    /// (noDa) is beyond guessing.
    /// </summary>
    public const int AuthBytes = 16;

    private static byte[] Derive(byte[] master, string info, int length = 32) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, length, salt: [], info: Encoding.UTF8.GetBytes(info));
}
