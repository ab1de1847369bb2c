using System.Text;
using Vmre.Firmware.Testigo;

namespace Vmre.Formats.Tests;

/// <summary>
/// Pins docs/formats/testigo-qr.md (VMRE-T2): the encoder writes the committed vector byte for
/// byte, every byte is in the declared ASCII set, the decoder reads the write-in back with its
/// Spanish letters, and the v1 vector is refused by name (issue 9 points 4, 5).
/// </summary>
public class TestigoV2VectorTests
{
    private static TestigoPayload Documented() => new("3f2a9c1b", "05",
    [
        ContestMarks.Parties("GOB-05", "PRI", "PAN"),
        ContestMarks.Nothing("DIP-01"),
        ContestMarks.WriteIn("AYU-1", "JOSÉ PÉREZ ÑÚÑEZ"),
    ]);

    [Fact]
    public void Encoder_writes_the_documented_text()
    {
        Assert.Equal(Vectors.Text("testigo-v2.txt"), Documented().Encode());
        Assert.Equal(95, Vectors.Bytes("testigo-v2.txt").Length);
    }

    [Fact]
    public void Every_byte_is_printable_ascii_from_the_declared_set() =>
        Assert.All(Vectors.Bytes("testigo-v2.txt"), b => Assert.Contains((char)b, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789 |;=+:-%"));

    [Fact]
    public void Decoder_reads_the_write_in_with_its_spanish_letters()
    {
        var r = TestigoDecoder.Decode(Vectors.Text("testigo-v2.txt"));
        Assert.True(r.Ok, r.Reason);
        Assert.Equal(("3f2a9c1b", "05"), (r.Payload.ElectionHashPrefix, r.Payload.BallotStyle));
        Assert.Equal("JOSÉ PÉREZ ÑÚÑEZ", r.Payload.Contests[2].WriteInName);
    }

    [Fact]
    public void Read_as_latin1_or_shift_jis_the_vector_is_the_same_text()
    {
        // issue 9 point 4: ASCII without '\' and '~' reads alike under every default a reader guesses.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Vectors.Bytes("testigo-v2.txt");
        var text = Vectors.Text("testigo-v2.txt");
        Assert.Equal(text, Encoding.Latin1.GetString(bytes));
        Assert.Equal(text, Encoding.GetEncoding("shift_jis").GetString(bytes));
    }

    [Fact]
    public void The_v1_vector_is_refused_by_name() =>
        Assert.Equal("testigo format VMRE-T1 carries a testigo id and is no longer accepted; this reader reads VMRE-T2",
            TestigoDecoder.Decode(Vectors.Text("testigo-v1.txt")).Reason);

    [Fact]
    public void A_future_version_is_refused() =>
        Assert.Equal(TestigoReasons.UnknownTag,
            TestigoDecoder.Decode(Vectors.Text("testigo-v2.txt").Replace("VMRE-T2", "VMRE-T3")).Reason);
}
