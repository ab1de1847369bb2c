using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Provisioning.Tests.Tools;

/// <summary>
/// Issue 9 point 5: decode-testigo refuses the retired formats by name (exit 1, the decoders' own
/// reasons), and reads the marks (VMRE-M1) that replaced voiding notices.
/// </summary>
public sealed class RetiredFormatTests
{
    [Fact]
    public void A_testigo_of_format_T1_is_refused_by_name()
    {
        var run = ToolCli.Run("decode-testigo", "VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB-05=PAN");
        Assert.Equal(1, run.Exit);
        Assert.Contains(TestigoReasons.RetiredT1, run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_voiding_notice_V1_is_refused_by_name()
    {
        var run = ToolCli.Run("decode-testigo", "VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|REJECTED");
        Assert.Equal(1, run.Exit);
        Assert.Contains(VoidingNoticeReasons.Retired, run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_void_mark_says_why_and_a_malformed_mark_is_refused_with_the_decoder_reason()
    {
        var run = ToolCli.Run("decode-testigo", "VMRE-M1|ANULADO|POWER");
        Assert.Equal(0, run.Exit);
        Assert.Contains("\"mark\": \"ANULADO\"", run.Out);
        Assert.Contains("\"reason\": \"POWER\"", run.Out);
        Assert.Contains(VoidReasonCodes.SpanishOf(VoidReason.PowerLoss), run.Out);

        var bad = ToolCli.RunWithInput("VMRE-M1|ANULADO|LUNCH\n", "decode-testigo", "-");
        Assert.Equal(1, bad.Exit);
        Assert.Contains(TestigoMarkReasons.UnknownReason, bad.Err);
    }
}
