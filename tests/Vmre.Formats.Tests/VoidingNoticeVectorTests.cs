using Vmre.Firmware.Printing;

namespace Vmre.Formats.Tests;

/// <summary>
/// Pins docs/formats/voiding-notice.md (VMRE-V1): the encoder writes the committed vector
/// byte for byte (no trailing newline), and the decoder reads it back to the documented fields.
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
}
