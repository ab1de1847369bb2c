using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vmre.Terminal.Votes;

/// <summary>
/// A vote at rest: the testigo QR payload (the same text the paper carries, rules.md R1)
/// encrypted with AES-256-GCM under the TPM-sealed storage key; the vault row's random key is the
/// associated data so a record cannot be moved under another id. Issue 10 point 4: the payload is
/// padded to <see cref="MaxPayload"/> (the VMRE-T2 limit, TestigoRules.MaxBytes) behind a 2-byte
/// length, so every sealed vote is <see cref="Length"/> bytes and its length tells nothing of the
/// selection; a longer payload is refused by name.
/// </summary>
public static class SealedVote
{
    /// <summary>The longest QR payload the testigo format allows (docs/formats/testigo-qr.md, firmware TestigoRules.MaxBytes).</summary>
    public const int MaxPayload = 512;
    private const int Plain = 2 + MaxPayload;
    /// <summary>Every sealed vote's length: 12-byte nonce, 16-byte tag, 514 bytes of padded payload.</summary>
    public const int Length = 12 + 16 + Plain;

    public static byte[] Seal(byte[] key, string testigoId, string payload)
    {
        var text = Encoding.UTF8.GetBytes(payload);
        if (text.Length > MaxPayload) throw new ArgumentException($"testigo payload over {MaxPayload} bytes: refused, a vote has one fixed size", nameof(payload));
        var plain = new byte[Plain];
        BinaryPrimitives.WriteUInt16BigEndian(plain, (ushort)text.Length);
        text.CopyTo(plain, 2);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[Plain];
        var tag = new byte[16];
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plain, cipher, tag, Encoding.ASCII.GetBytes(testigoId));
        return [.. nonce, .. tag, .. cipher];
    }

    public static string Open(byte[] key, string testigoId, byte[] sealedVote)
    {
        if (sealedVote.Length != Length) throw new CryptographicException($"a sealed vote is {Length} bytes");
        var plain = new byte[Plain];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedVote.AsSpan(0, 12), sealedVote.AsSpan(28), sealedVote.AsSpan(12, 16), plain, Encoding.ASCII.GetBytes(testigoId));
        var length = BinaryPrimitives.ReadUInt16BigEndian(plain);
        if (length > MaxPayload) throw new CryptographicException("sealed vote padding is malformed");
        return Encoding.UTF8.GetString(plain, 2, length);
    }
}
