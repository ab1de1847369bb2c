using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Formats.Tests;

/// <summary>
/// Pins docs/formats/testigo-marks.md (VMRE-M1): the seven mark texts, and the ESC/POS bytes of
/// the acceptance and of a void (REJECTED). The byte vectors were written from the page's
/// description by an independent script, not by the layout code.
/// </summary>
public class TestigoMarksVectorTests
{
    private static string[] Marks() => Vectors.Text("testigo-marks.txt").Split('\n')[..^1];

    [Fact]
    public void The_seven_mark_texts_are_the_documented_ones_in_order()
    {
        var encoded = new[] { TestigoMark.Accepted() }
            .Concat(Enum.GetValues<VoidReason>().Select(TestigoMark.Voided)).Select(m => m.Encode());
        Assert.Equal(Marks(), encoded);
    }

    [Fact]
    public void Every_documented_mark_decodes_to_itself()
    {
        foreach (var text in Marks())
        {
            var r = TestigoMarkDecoder.Decode(text);
            Assert.True(r.Ok, r.Reason);
            Assert.Equal(text, r.Mark.Encode());
        }
    }

    [Fact]
    public void Accepted_prints_the_documented_bytes() =>
        Assert.Equal(Vectors.Bytes("testigo-accepted.escpos"), TestigoLayout.Accepted());

    [Fact]
    public void Voided_prints_the_documented_bytes() =>
        Assert.Equal(Vectors.Bytes("testigo-voided-REJECTED.escpos"), TestigoLayout.Voided(VoidReason.VoterRejected));

    [Fact]
    public void A_future_version_is_refused() =>
        Assert.Equal(TestigoMarkReasons.UnknownTag, TestigoMarkDecoder.Decode("VMRE-M2|EMITIDO").Reason);
}
