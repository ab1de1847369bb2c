using System.Text;

namespace Vmre.Common.Cards;

/// <summary>
/// The exact bytes a VMRE-K2 card signs (docs/formats/official-card.md v2, "Signed statement"):
/// <c>"VMRE-K2" 0x00 ‖ verdict ‖ challenge(32) ‖ n ‖ credentialId(n)</c>. Fixed layout, no JSON,
/// so an outside verifier rebuilds it byte for byte.
/// </summary>
public static class CardStatement
{
    public static readonly byte[] Tag = "VMRE-K2\0"u8.ToArray();
    public const int MaxCredentialLength = 32;

    public static byte[] Bytes(CardVerdict verdict, CardChallenge challenge, string credentialId)
    {
        if (!IsCredentialId(credentialId))
            throw new ArgumentException("a credential id is 1-32 printable ASCII characters without spaces", nameof(credentialId));
        var id = Encoding.ASCII.GetBytes(credentialId);
        var bytes = new byte[Tag.Length + 1 + CardChallenge.Length + 1 + id.Length];
        Tag.CopyTo(bytes, 0);
        bytes[Tag.Length] = (byte)verdict;
        challenge.Bytes.CopyTo(bytes.AsSpan(Tag.Length + 1));
        bytes[Tag.Length + 1 + CardChallenge.Length] = (byte)id.Length;
        id.CopyTo(bytes, Tag.Length + 2 + CardChallenge.Length);
        return bytes;
    }

    /// <summary>1-32 characters, each printable ASCII 0x21-0x7E: the bound every reader of a credential id applies.</summary>
    public static bool IsCredentialId(string? credentialId) =>
        credentialId is { Length: >= 1 and <= MaxCredentialLength } && credentialId.All(c => c is >= '!' and <= '~');
}
