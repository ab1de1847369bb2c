using Vmre.Firmware.Printing;

namespace Vmre.Formats.Tests;

/// <summary>
/// Pins docs/formats/voiding-notice.md (VMRE-V1, superseded by testigo-marks.md): the encoder
/// writes the committed vector byte for byte (no trailing newline), and the decoder reads it
/// back, which is how a recount recognises a V1 notice to refuse it by name.
/// </summary>
public class VoidingNoticeVectorTests
{
    [Fact]
    public void Encoder_writes_the_documented_text()
    {
        var payload = new VoidingNoticePayload("3f2a9c1b", "0123456789ABCDEF0123", VoidReason.VoterRejected);
        Assert.Equal(Vectors.Text("voiding-notice.txt"), payload.Encode());
    }

    [Fact]
    public void Decoder_reads_the_documented_fields()
    {
        var r = VoidingNoticeDecoder.Decode(Vectors.Text("voiding-notice.txt"));
        Assert.True(r.Ok, r.Reason);
        Assert.Equal("3f2a9c1b", r.Payload.ElectionHashPrefix);
        Assert.Equal("0123456789ABCDEF0123", r.Payload.TestigoId);
        Assert.Equal(VoidReason.VoterRejected, r.Payload.Reason);
    }

    [Fact]
    public void A_future_version_is_refused() =>
        Assert.Equal(VoidingNoticeReasons.UnknownTag,
            VoidingNoticeDecoder.Decode(Vectors.Text("voiding-notice.txt").Replace("VMRE-V1", "VMRE-V2")).Reason);

    [Fact]
    public void A_v1_notice_is_neither_a_testigo_nor_a_mark()
    {
        var text = Vectors.Text("voiding-notice.txt");
        Assert.Equal(Vmre.Firmware.Testigo.TestigoReasons.UnknownTag, Vmre.Firmware.Testigo.TestigoDecoder.Decode(text).Reason);
        Assert.False(Vmre.Firmware.Testigo.TestigoMarkDecoder.Decode(text).Ok); // 46 chars: longer than any mark
        Assert.Equal("voiding notice VMRE-V1 names a testigo id and is no longer accepted", VoidingNoticeReasons.Retired);
    }
}
