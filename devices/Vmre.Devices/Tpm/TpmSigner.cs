using System.Security.Cryptography;
using Vmre.Common.Signing;

namespace Vmre.Devices.Tpm;

/// <summary>
/// A device's key: created in its TPM at provisioning, never exportable (rules.md R5). Terminals
/// and consoles keep it at <see cref="DeviceKeyPath"/>; the module server names its own path
/// (issue 8 point 2).
/// </summary>
public sealed class TpmSigner : ISigner
{
    public const string DeviceKeyPath = "/HS/SRK/vmre-device";
    private readonly IDeviceTpm _tpm;
    private readonly string _keyPath;

    public TpmSigner(IDeviceTpm tpm) : this(tpm, DeviceKeyPath) { }

    public TpmSigner(IDeviceTpm tpm, string keyPath)
    {
        _tpm = tpm;
        _keyPath = keyPath;
        PublicKeyPem = tpm.PublicKeyPem(keyPath).Trim() + "\n";
        KeyId = PublicKey.FromPem(PublicKeyPem).KeyId;
    }

    /// <summary>
    /// At provisioning (brief section 2.1): provision the TPM and create the device key in it; the
    /// public key (PEM) goes to provisioning, which pins it in the signed module config. Shared by
    /// terminals and consoles (issue 8 point 1), which are paired the same way.
    /// </summary>
    public static string CreateDeviceKey(IDeviceTpm tpm, string keyPath = DeviceKeyPath)
    {
        tpm.Provision();
        return tpm.CreateSigningKey(keyPath).Trim() + "\n";
    }

    public string KeyId { get; }
    public string PublicKeyPem { get; }

    public byte[] Sign(ReadOnlySpan<byte> data) => _tpm.SignDigest(_keyPath, SHA256.HashData(data));
}
