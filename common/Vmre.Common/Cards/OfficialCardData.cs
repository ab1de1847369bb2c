using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Vmre.Common.Serialization;

namespace Vmre.Common.Cards;

/// <summary>
/// The official's card image, format <c>VMRE-K1</c> (docs/formats/official-card.md): the bytes
/// stored in an NFC Forum Type 2 tag's user pages from page 4 on.
/// <code>
/// "VMRE-K1" (7 ASCII bytes) | n (1 byte, 1..128) | credential id (n bytes, ASCII 0x21..0x7E)
/// | CRC-32 (4 bytes, big-endian, over everything before it) | 0x00 padding to a multiple of 16
/// </code>
/// No PIN and no PIN hash (rules.md R8: a stolen card must not allow an offline PIN search).
/// </summary>
public static class OfficialCardData
{
    public const string FormatTag = "VMRE-K1";

    /// <summary>Tag and length byte: what must be read before the image length is known.</summary>
    public const int HeaderLength = 8;

    public const int MaxCredentialIdLength = 128;

    /// <summary>A Type 2 READ returns 16 bytes (4 pages); images are padded to that.</summary>
    public const int BlockLength = 16;

    private const int CrcLength = 4;
    private static readonly byte[] Tag = Encoding.ASCII.GetBytes(FormatTag);

    /// <summary>The page image for a card; throws on an id the format cannot hold (a provisioning bug).</summary>
    public static byte[] Encode(OfficialCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (CheckCredentialId(card.CredentialId) is { } reason) throw new ArgumentException(reason, nameof(card));
        int n = card.CredentialId.Length;
        int used = HeaderLength + n + CrcLength;
        var image = new byte[(used + BlockLength - 1) / BlockLength * BlockLength];
        Tag.CopyTo(image, 0);
        image[7] = (byte)n;
        Encoding.ASCII.GetBytes(card.CredentialId, image.AsSpan(HeaderLength));
        BinaryPrimitives.WriteUInt32BigEndian(image.AsSpan(HeaderLength + n), Crc32.HashToUInt32(image.AsSpan(0, HeaderLength + n)));
        return image;
    }

    /// <summary>
    /// From the first <see cref="HeaderLength"/> bytes: how many bytes the whole image (tag,
    /// length, id, CRC; padding excluded) takes, so a reader knows how many pages to read.
    /// </summary>
    public static Parsed<int> ImageLength(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderLength)
            return Parsed<int>.Fail($"card data too short: {header.Length} bytes, the VMRE-K1 header is {HeaderLength}");
        if (!header[..Tag.Length].SequenceEqual(Tag))
            return Parsed<int>.Fail("not a VMRE official card: no VMRE-K1 format tag at page 4");
        int n = header[7];
        if (n is 0 or > MaxCredentialIdLength)
            return Parsed<int>.Fail($"credential id length {n} is outside 1..{MaxCredentialIdLength}");
        return Parsed<int>.Ok(HeaderLength + n + CrcLength);
    }

    /// <summary>
    /// Parses a page image read from the card (bytes after the image are ignored: a reader reads
    /// whole 16-byte blocks). Every malformed input is refused with its reason.
    /// </summary>
    public static Parsed<OfficialCard> Decode(ReadOnlySpan<byte> image)
    {
        var length = ImageLength(image);
        if (!length.IsOk) return Parsed<OfficialCard>.Fail(length.Error!);
        int total = length.Value;
        if (image.Length < total)
            return Parsed<OfficialCard>.Fail($"card data truncated: {image.Length} of {total} bytes");
        int n = total - HeaderLength - CrcLength;
        uint stored = BinaryPrimitives.ReadUInt32BigEndian(image.Slice(HeaderLength + n, CrcLength));
        // Checked before the id: a torn read can put any bytes in the id.
        if (stored != Crc32.HashToUInt32(image[..(HeaderLength + n)]))
            return Parsed<OfficialCard>.Fail("card data checksum does not match (torn or partial read)");
        string id = Encoding.Latin1.GetString(image.Slice(HeaderLength, n));
        if (CheckCredentialId(id) is { } reason) return Parsed<OfficialCard>.Fail(reason);
        return Parsed<OfficialCard>.Ok(new OfficialCard(id));
    }

    private static string? CheckCredentialId(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "credential id is empty";
        if (id.Length > MaxCredentialIdLength) return $"credential id is longer than {MaxCredentialIdLength} characters";
        foreach (char c in id)
            if (c is < '!' or > '~') return "credential id must be printable ASCII without spaces (0x21..0x7E)";
        return null;
    }
}
