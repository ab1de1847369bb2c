using System.Security.Cryptography;
using System.Text;

namespace Vmre.Terminal.Votes;

/// <summary>
/// A vote at rest: the testigo QR payload (the same text the paper carries, rules.md R1)
/// encrypted with AES-256-GCM under the TPM-sealed storage key; the vault row's random key is the
/// associated data so a record cannot be moved under another id.
/// </summary>
public static class SealedVote
{
    public static byte[] Seal(byte[] key, string testigoId, string payload)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plain = Encoding.UTF8.GetBytes(payload);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plain, cipher, tag, Encoding.ASCII.GetBytes(testigoId));
        return [.. nonce, .. tag, .. cipher];
    }

    public static string Open(byte[] key, string testigoId, byte[] sealedVote)
    {
        var nonce = sealedVote.AsSpan(0, 12);
        var tag = sealedVote.AsSpan(12, 16);
        var cipher = sealedVote.AsSpan(28);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(nonce, cipher, tag, plain, Encoding.ASCII.GetBytes(testigoId));
        return Encoding.UTF8.GetString(plain);
    }
}
