namespace Vmre.Provisioning.Tests.Tools;

/// <summary>The testigo box holds voiding notices too: decode-testigo names the testigo a notice voids.</summary>
public sealed class DecodeVoidingNoticeTests
{
    [Fact]
    public void A_voiding_notice_says_which_testigo_it_voids_and_why()
    {
        var run = ToolCli.Run("decode-testigo", "VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|REJECTED");
        Assert.Equal(0, run.Exit);
        Assert.Contains("\"voidsTestigo\": \"0123456789ABCDEF0123\"", run.Out);
        Assert.Contains("\"reason\": \"REJECTED\"", run.Out);
    }

    [Fact]
    public void A_malformed_voiding_notice_is_refused_with_the_decoder_reason()
    {
        var run = ToolCli.Run("decode-testigo", "VMRE-V1|3f2a9c1b|not-an-id|REJECTED");
        Assert.Equal(1, run.Exit);
        Assert.NotEqual("", run.Err.Trim());
        Assert.Equal("", run.Out);
    }
}
