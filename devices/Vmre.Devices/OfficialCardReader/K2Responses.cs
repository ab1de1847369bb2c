using System.Text;
using Vmre.Common.Cards;
using Vmre.Common.Serialization;

namespace Vmre.Devices.OfficialCardReader;

/// <summary>
/// Parses the VMRE-K2 applet's response APDUs (docs/formats/official-card.md v2) at the device
/// boundary: data then SW1 SW2. Every malformed answer is refused with its reason; none of the
/// reasons holds card data beyond the status word.
/// </summary>
internal static class K2Responses
{
    /// <summary>A DER ECDSA P-256 signature: SEQUENCE of two INTEGERs, 8 to 72 bytes.</summary>
    private const int MinSignatureLength = 8, MaxSignatureLength = 72;

    public static ushort StatusWord(ReadOnlySpan<byte> response) =>
        response.Length >= 2 ? (ushort)((response[^2] << 8) | response[^1]) : (ushort)0;

    /// <summary>SELECT's answer: <c>n ‖ credentialId(n)</c>, SW 9000.</summary>
    public static Parsed<string> CredentialId(byte[] response)
    {
        if (response.Length < 2) return Parsed<string>.Fail("the card's answer to SELECT is shorter than a status word");
        ushort sw = StatusWord(response);
        if (sw == K2Applet.FileNotFound) return Parsed<string>.Fail("not a VMRE official card: the card has no VMRE-K2 applet (SW 6A82)");
        if (sw != K2Applet.Ok) return Parsed<string>.Fail($"the card refused SELECT of the VMRE-K2 applet (SW {sw:X4})");
        var data = response.AsSpan(0, response.Length - 2);
        if (data.IsEmpty || data[0] != data.Length - 1)
            return Parsed<string>.Fail("the card's answer to SELECT is malformed (length byte does not match)");
        string id = Encoding.Latin1.GetString(data[1..]);
        return CardStatement.IsCredentialId(id) ? Parsed<string>.Ok(id)
            : Parsed<string>.Fail("the card's credential id is not 1-32 printable ASCII characters");
    }

    /// <summary>AUTHENTICATE's or PRESENCE's answer: <c>verdict ‖ DER signature</c>, SW 9000, with a verdict that exchange may give.</summary>
    public static Parsed<(CardVerdict Verdict, byte[] Signature)> Signed(ReadOnlySpan<byte> response, string exchange, params CardVerdict[] allowed)
    {
        if (response.Length < 2) return Fail($"the card's answer to {exchange} is shorter than a status word");
        ushort sw = StatusWord(response);
        if (sw != K2Applet.Ok) return Fail($"the card refused {exchange} (SW {sw:X4})");
        var data = response[..^2];
        if (data.IsEmpty) return Fail($"the card's answer to {exchange} holds no verdict");
        var verdict = (CardVerdict)data[0];
        if (!allowed.Contains(verdict)) return Fail($"the card answered {exchange} with verdict 0x{data[0]:X2}, which that exchange never gives");
        var signature = data[1..];
        if (signature.Length is < MinSignatureLength or > MaxSignatureLength || signature[0] != 0x30 || signature[1] != signature.Length - 2)
            return Fail($"the card's signature in its answer to {exchange} is not a DER ECDSA P-256 signature");
        return Parsed<(CardVerdict, byte[])>.Ok((verdict, signature.ToArray()));
    }

    private static Parsed<(CardVerdict, byte[])> Fail(string reason) => Parsed<(CardVerdict, byte[])>.Fail(reason);
}
