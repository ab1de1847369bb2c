using System.Text;
using System.Text.Json;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Formats.Tests;

/// <summary>
/// Pins docs/formats/module-messages.md: the terminal's signed redemption request
/// (vmre-redeem/1) and the server's signed answer (vmre-redeem-answer/1).
/// </summary>
public class RedeemRequestVectorTests
{
    private static RedeemRequest Request() =>
        JsonSerializer.Deserialize<RedeemRequest>(Vectors.Text("redeem-request.json"), VmreJson.Options)!;

    private static RedeemResponse Answer() =>
        JsonSerializer.Deserialize<RedeemResponse>(Vectors.Text("redeem-answer.json"), VmreJson.Options)!;

    private static PublicKey TerminalKey() => PublicKey.FromPem(Vectors.Text("redeem-request.terminal.pub.pem"));
    private static PublicKey ServerKey() => PublicKey.FromPem(Vectors.Text("redeem-answer.server.pub.pem"));

    [Fact]
    public void Signed_bytes_are_tag_terminal_challenge_and_whole_token() =>
        Assert.Equal("vmre-redeem/1|T-CHI-01|f5476669b737b7181e162033fae11dd9|VMRE-A1|MRV-CHI|05|0123456789abcdef0123456789abcdef|MEUCIQDtest",
            Encoding.UTF8.GetString(RedeemRequest.SignedBytes("T-CHI-01", Request().Challenge, Request().Token)));

    [Fact]
    public void The_committed_request_verifies_with_the_terminal_key() => Assert.True(Request().IsSignedBy(TerminalKey()));

    [Fact]
    public void Another_terminal_id_token_or_challenge_breaks_the_signature()
    {
        Assert.False((Request() with { TerminalId = "T-CHI-02" }).IsSignedBy(TerminalKey()));
        Assert.False((Request() with { Token = Request().Token.Replace("|05|", "|15|") }).IsSignedBy(TerminalKey()));
        Assert.False((Request() with { Challenge = new string('0', 32) }).IsSignedBy(TerminalKey()));
        Assert.False((Request() with { Signature = "not base64!" }).IsSignedBy(TerminalKey()));
    }

    [Fact]
    public void Answer_signed_bytes_echo_the_request_and_the_outcome() =>
        Assert.Equal("vmre-redeem-answer/1|T-CHI-01|f5476669b737b7181e162033fae11dd9|VMRE-A1|MRV-CHI|05|0123456789abcdef0123456789abcdef|MEUCIQDtest|accepted|05",
            Encoding.UTF8.GetString(RedeemResponse.SignedBytes(Request(), true, "05", null)));

    [Fact]
    public void The_committed_answer_answers_the_committed_request()
    {
        Assert.True(Answer().Answers(Request(), ServerKey()));
        // Replayed to another request (new challenge), altered, or signed by another key: refused.
        Assert.False(Answer().Answers(Request() with { Challenge = new string('1', 32) }, ServerKey()));
        Assert.False((Answer() with { BallotStyle = "15" }).Answers(Request(), ServerKey()));
        Assert.False(Answer().Answers(Request(), TerminalKey()));
    }

    [Fact]
    public void Field_names_are_the_documented_ones()
    {
        using var request = JsonDocument.Parse(VmreJson.Text(Request()));
        Assert.Equal(["token", "terminalId", "challenge", "signature"], request.RootElement.EnumerateObject().Select(p => p.Name));
        using var answer = JsonDocument.Parse(VmreJson.Text(Answer()));
        Assert.Equal(["accepted", "ballotStyle", "signature"], answer.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
