using System.Text;
using Vmre.Common.Cards;

namespace Vmre.Formats.Tests;

/// <summary>
/// Pins docs/formats/official-card.md (VMRE-K1): the page image of the official's card. The
/// vector was computed with an independent CRC-32 (zlib's) from the page's description.
/// </summary>
public class OfficialCardVectorTests
{
    private static byte[] Golden() => Vectors.Bytes("official-card-PRES-01.bin");

    private static byte[] Image(string id) => OfficialCardData.Encode(new OfficialCard(id));

    private static string Refusal(byte[] image) => OfficialCardData.Decode(image).Error!;

    [Fact]
    public void Encoding_PRES_01_gives_the_committed_image()
    {
        Assert.Equal(Golden(), Image("PRES-01"));
        Assert.Equal("564D52452D4B3107505245532D3031C10DC11C00000000000000000000000000", Convert.ToHexString(Golden()));
    }

    [Fact]
    public void The_committed_image_decodes_to_PRES_01() =>
        Assert.Equal(new OfficialCard("PRES-01"), OfficialCardData.Decode(Golden()).ValueOrThrow());

    [Fact]
    public void The_image_holds_no_pin_or_pin_hash_only_tag_id_and_crc()
    {
        // rules.md R8: 7 tag bytes, 1 length, 7 id bytes, 4 CRC bytes, zero padding. Nothing else.
        byte[] image = Golden();
        Assert.Equal("VMRE-K1", Encoding.ASCII.GetString(image, 0, 7));
        Assert.Equal(7, image[7]);
        Assert.All(image[19..], b => Assert.Equal(0, b));
        Assert.Equal(32, image.Length);
    }

    [Fact]
    public void Images_are_whole_16_byte_reads_and_the_length_is_known_from_the_header()
    {
        Assert.Equal(16, Image("A").Length);
        Assert.Equal(144, Image(new string('X', OfficialCardData.MaxCredentialIdLength)).Length); // all of an NTAG213
        Assert.Equal(19, OfficialCardData.ImageLength(Golden().AsSpan(0, 8)).ValueOrThrow());
    }

    [Fact]
    public void Every_id_the_format_allows_round_trips()
    {
        foreach (string id in new[] { "A", "SEC-01", "TEC-01/2027#x", new string('~', 128), "!" })
            Assert.Equal(id, OfficialCardData.Decode(Image(id)).ValueOrThrow().CredentialId);
    }

    [Fact]
    public void Ids_the_format_cannot_hold_are_refused_at_encoding()
    {
        foreach (string id in new[] { "", "PRES 01", "PRESIDENTA-Ñ", new string('X', 129), "A\n" })
            Assert.Throws<ArgumentException>(() => Image(id));
    }

    [Fact]
    public void Every_malformed_image_is_refused_with_its_reason()
    {
        Assert.Contains("too short", Refusal(Golden()[..7]));
        Assert.Contains("no VMRE-K1 format tag", Refusal(new byte[32]));
        Assert.Contains("no VMRE-K1 format tag", Refusal([.. "VMRE-K2"u8, .. Golden()[7..]]));
        Assert.Contains("outside 1..128", Refusal([.. Golden()[..7], 0, .. Golden()[8..]]));
        Assert.Contains("outside 1..128", Refusal([.. Golden()[..7], 200, .. Golden()[8..]]));
        Assert.Contains("truncated: 18 of 19", Refusal(Golden()[..18]));
        Assert.Contains("checksum", Refusal(Flip(Golden(), 10)));  // a bit of the id
        Assert.Contains("checksum", Refusal(Flip(Golden(), 17)));  // a bit of the CRC
        Assert.Contains("checksum", Refusal([.. Golden()[..12], .. new byte[20]])); // torn: the rest never written
    }

    [Fact]
    public void An_id_with_a_bad_character_and_a_right_crc_is_still_refused()
    {
        // A card written by something else than VMRE provisioning: the CRC matches, the id does not.
        byte[] body = [.. "VMRE-K1"u8, 3, (byte)'A', 0x00, (byte)'B'];
        byte[] image = [.. body, .. BigEndian(Crc(body))];
        Assert.Contains("printable ASCII", Refusal(image));
    }

    [Fact]
    public void Trailing_bytes_after_the_image_are_ignored() =>
        Assert.Equal("PRES-01", OfficialCardData.Decode([.. Golden(), 0xFF, 0xFF]).ValueOrThrow().CredentialId);

    private static byte[] Flip(byte[] image, int index)
    {
        var copy = (byte[])image.Clone();
        copy[index] ^= 0x01;
        return copy;
    }

    // Independent bitwise CRC-32 (zlib) so the test does not trust the code under test.
    private static uint Crc(byte[] bytes)
    {
        uint crc = ~0u;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
