using System.Text.Json;
using Vmre.Audit.Documents;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.Provisioning.ElectionPackages;
using Vmre.Provisioning.Authority;

namespace Vmre.Provisioning.Tests.Tools;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

/// <summary>
/// A testigo the firmware lays out, written as bytes, printed to PNG by render-escpos, read
/// back by decode-testigo: the marks that went in come out (rules.md R1, paper re-count), with
/// the paper's VMRE-M1 mark and the recount's verdict (docs/formats/testigo-marks.md).
/// </summary>
public sealed class TestigoPaperTests : IDisposable
{
    private readonly Fixture _fixture = new();

    private string PackageHash =>
        ElectionPackageFile.Open(_fixture.Package, KeyFiles.LoadPublic(_fixture.Pub).ValueOrThrow()).ValueOrThrow().Hash;

    [Fact]
    public void A_printed_testigo_decodes_to_the_same_marks_and_counts_with_its_acceptance_mark()
    {
        var hash = PackageHash;
        var payload = TestigoTickets.Payload(hash[..8], ContestMarks.Parties("GOB-05", "PRI", "PAN"));
        var ticket = _fixture.Dir.File("testigo.bin");
        File.WriteAllBytes(ticket, TestigoTickets.Accepted(payload, hash));

        var png = _fixture.Dir.File("paper/testigo.png");
        var render = ToolCli.Run("render-escpos", ticket, "--out", png);
        Assert.Equal(0, render.Exit);
        Assert.Contains("pages: 1", render.Out);
        Assert.Contains("notices: 0", render.Out);

        var decode = ToolCli.Run("decode-testigo", png);
        Assert.Equal(0, decode.Exit);
        var contest = Assert.Single(Json(decode.Out).GetProperty("contests").EnumerateArray());
        Assert.Equal("GOB-05", contest.GetProperty("contest").GetString());
        Assert.Equal(["PAN", "PRI"], contest.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.False(Json(decode.Out).TryGetProperty("testigoId", out _));
        var paper = Json(decode.Out).GetProperty("paper");
        Assert.Equal("EMITIDO", Assert.Single(paper.GetProperty("marks").EnumerateArray()).GetProperty("mark").GetString());
        Assert.Equal("counted", paper.GetProperty("recount").GetString());
    }

    [Fact]
    public void A_voided_paper_shows_its_void_mark_and_its_testigo_does_not_read()
    {
        var hash = PackageHash;
        var payload = TestigoTickets.Payload(hash[..8], ContestMarks.WriteIn("GOB-05", "JOSÉ PÉREZ ÑÚÑEZ"));
        var ticket = _fixture.Dir.File("voided.bin");
        File.WriteAllBytes(ticket, TestigoTickets.Voided(payload, hash, VoidReason.VoterRejected));
        var png = _fixture.Dir.File("paper/voided.png");
        Assert.Equal(0, ToolCli.Run("render-escpos", ticket, "--out", png).Exit);

        var decode = ToolCli.Run("decode-testigo", png);
        Assert.Equal(0, decode.Exit);
        Assert.DoesNotContain("P%C3%89REZ", decode.Out);
        Assert.DoesNotContain("PÉREZ", decode.Out);
        var paper = Json(decode.Out);
        Assert.Equal("voided", paper.GetProperty("recount").GetString());
        var mark = Assert.Single(paper.GetProperty("marks").EnumerateArray());
        Assert.Equal(("ANULADO", "REJECTED"), (mark.GetProperty("mark").GetString(), mark.GetProperty("reason").GetString()));
    }

    [Fact]
    public void A_testigo_held_without_its_acceptance_mark_is_not_a_vote()
    {
        var hash = PackageHash;
        var ticket = _fixture.Dir.File("held.bin");
        File.WriteAllBytes(ticket, TestigoTickets.Body(TestigoTickets.Payload(hash[..8], ContestMarks.Nothing("GOB-05")), hash));
        var png = _fixture.Dir.File("paper/held.png");
        Assert.Equal(0, ToolCli.Run("render-escpos", ticket, "--out", png).Exit);
        var decode = ToolCli.Run("decode-testigo", png);
        Assert.Equal(0, decode.Exit);
        Assert.Equal("not-a-vote", Json(decode.Out).GetProperty("paper").GetProperty("recount").GetString());
    }

    [Fact]
    public void With_the_package_the_marks_are_named_and_the_hash_checked()
    {
        var hash = PackageHash;
        var payload = TestigoTickets.Payload(hash[..8], ContestMarks.Parties("GOB-05", "PAN", "PRI"));
        var run = ToolCli.Run("decode-testigo", payload, "--package", _fixture.Package, "--authority-pub", _fixture.Pub);
        Assert.Equal(0, run.Exit);
        var root = Json(run.Out);
        Assert.Equal(hash, root.GetProperty("package").GetProperty("hash").GetString());
        var contest = root.GetProperty("contests")[0];
        Assert.Equal("Gubernatura de Coahuila de Zaragoza", contest.GetProperty("title").GetString());
        Assert.Equal("Manolo Jiménez Salinas", contest.GetProperty("candidate").GetString());
        Assert.Equal("PAN+PRI", contest.GetProperty("countedAs").GetString());
        Assert.Equal("PAN", contest.GetProperty("partyNames")[0].GetProperty("code").GetString());
        Assert.NotEqual("PAN", contest.GetProperty("partyNames")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void A_testigo_of_another_package_is_rejected()
    {
        var other = PackageHash[..8] == "00000000" ? "11111111" : "00000000";
        var payload = TestigoTickets.Payload(other, ContestMarks.Nothing("GOB-05"));
        var run = ToolCli.Run("decode-testigo", payload, "--package", _fixture.Package, "--authority-pub", _fixture.Pub);
        Assert.Equal(1, run.Exit);
        Assert.Contains("election package " + other, run.Err);
    }

    [Fact]
    public void A_package_needs_its_key()
    {
        var run = ToolCli.Run("decode-testigo", "VMRE-T2|x", "--package", _fixture.Package);
        Assert.Equal(2, run.Exit);
        Assert.Contains("--authority-pub", run.Err);
    }

    [Theory]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB-05=PRI+PAN", TestigoReasons.NotCanonical)]
    [InlineData("VMRE-T3|3f2a9c1b|05|GOB-05=PAN", TestigoReasons.UnknownTag)]
    [InlineData("VMRE-T2|3F2A9C1B|05|GOB-05=PAN", TestigoReasons.BadElection)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB-05=CNR:P%c3%89REZ", TestigoReasons.WriteInLowercaseHex)]
    public void A_malformed_payload_is_rejected_with_the_decoders_reason(string payload, string reason)
    {
        var run = ToolCli.Run("decode-testigo", payload);
        Assert.Equal(1, run.Exit);
        Assert.Contains(reason, run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_png_without_a_qr_is_rejected()
    {
        var ticket = _fixture.Dir.File("text.bin");
        File.WriteAllBytes(ticket, "NO QR HERE\n"u8.ToArray());
        var png = _fixture.Dir.File("text.png");
        Assert.Equal(0, ToolCli.Run("render-escpos", ticket, "--out", png).Exit);
        var run = ToolCli.Run("decode-testigo", png);
        Assert.Equal(1, run.Exit);
        Assert.Contains("no QR code or mark barcode found", run.Err);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public void Dispose() => _fixture.Dispose();
}
