using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;

namespace Vmre.Firmware.Tests.Printing;

/// <summary>
/// TestigoLayout.MaxBodyDots must cover the tallest legal testigo, or a void would leave the
/// top or bottom of a selection readable (issue 9 point 1). Measured on the emulator's page.
/// </summary>
public class TestigoHeightTests
{
    const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /// <summary>8 contests, every text two lines, and a payload of about 512 bytes.</summary>
    static TestigoTicketData Tallest(out string payload)
    {
        var name = "ÑÑÑÑÑÑÑABC";
        var contests = Enumerable.Range(0, 8).Select(i => ContestMarks.WriteIn($"CONTEST-{i}", name)).ToArray();
        payload = new TestigoPayload("9f86d081", "STYLE-05", contests).Encode();
        var twoLines = string.Join(" ", Enumerable.Repeat("Diputación", 8));
        return new TestigoTicketData
        {
            ElectionName = twoLines,
            ContestTitles = Enumerable.Repeat(twoLines, 8).ToArray(),
            SelectionTexts = Enumerable.Repeat("Candidatura no registrada: " + string.Join(" ", Enumerable.Repeat("ÑÑÑÑÑÑÑÑÑ", 4)), 8).ToArray(),
            QrPayload = payload,
            PackageHash = Hash,
        };
    }

    static int PngHeight(byte[] png) => (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];

    [Fact]
    public void The_tallest_testigo_is_within_max_body_dots_on_the_emulated_printer()
    {
        var data = Tallest(out var payload);
        Assert.InRange(payload.Length, 500, 512);
        Assert.Equal(2, TicketText.Wrap(data.ContestTitles[0], 48).Length);
        Assert.Equal(2, TicketText.Wrap(data.SelectionTexts[0], 48).Length);

        var papers = EscPosInterpreter.RenderAll(TestigoLayout.Body(data), PaperWidth.Mm80, out var notices);
        Assert.Empty(notices);
        var page = Assert.Single(papers);
        Assert.Contains(payload, page.QrPayloads);
        int height = PngHeight(page.Png);
        Assert.True(height <= TestigoLayout.MaxBodyDots, $"tallest body {height} dots > MaxBodyDots {TestigoLayout.MaxBodyDots}");
        // The bound is not slack beyond reason: the band must not run far past the testigo.
        Assert.True(height >= TestigoLayout.MaxBodyDots * 3 / 4, $"tallest body {height} dots");
    }
}
