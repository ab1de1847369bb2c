using System.Security.Cryptography;
using Vmre.Common.Signing;

namespace Vmre.Devices.Tpm;

/// <summary>
/// A device's key: created in its TPM at provisioning, never exportable (rules.md R5). The
/// terminal's key is at <see cref="DeviceKeyPath"/>; the module server names its own path
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

    public string KeyId { get; }
    public string PublicKeyPem { get; }

    public byte[] Sign(ReadOnlySpan<byte> data) => _tpm.SignDigest(_keyPath, SHA256.HashData(data));
}
