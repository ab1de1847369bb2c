using System.Security.Cryptography;
using Vmre.Common.Signing;

namespace Vmre.Devices.Tpm;

/// <summary>The terminal's device key: created in its TPM at provisioning, never exportable (rules.md R5).</summary>
public sealed class TpmSigner : ISigner
{
    public const string DeviceKeyPath = "/HS/SRK/vmre-device";
    private readonly IDeviceTpm _tpm;

    public TpmSigner(IDeviceTpm tpm)
    {
        _tpm = tpm;
        PublicKeyPem = tpm.PublicKeyPem(DeviceKeyPath).Trim() + "\n";
        KeyId = PublicKey.FromPem(PublicKeyPem).KeyId;
    }

    public string KeyId { get; }
    public string PublicKeyPem { get; }

    public byte[] Sign(ReadOnlySpan<byte> data) => _tpm.SignDigest(DeviceKeyPath, SHA256.HashData(data));
}
