using Vmre.Devices.Tpm;

namespace Vmre.Terminal.Tpm;

/// <summary>
/// The key that encrypts sealed votes at rest. Made from the OS CSPRNG at provisioning and
/// sealed in the TPM, so the vote store is unreadable off this terminal (rules.md R3).
/// It lives only in memory while the terminal runs.
/// </summary>
public static class StorageKey
{
    public const string SealPath = "/HS/SRK/vmre-storage";

    public static void Create(IDeviceTpm tpm) =>
        tpm.Seal(SealPath, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static byte[] Unseal(IDeviceTpm tpm)
    {
        var key = tpm.Unseal(SealPath);
        if (key.Length != 32) throw new InvalidDataException("sealed storage key has the wrong length");
        return key;
    }
}
