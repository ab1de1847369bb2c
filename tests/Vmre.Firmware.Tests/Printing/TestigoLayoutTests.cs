using Vmre.Firmware.Printing;
using static Vmre.Firmware.Tests.Printing.TicketBytes;

namespace Vmre.Firmware.Tests.Printing;

/// <summary>The three pieces printed on one testigo's paper (issue 9 point 1).</summary>
public class TestigoLayoutTests
{
    const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const string Payload = "VMRE-T2|9f86d081|05|GOB=PAN+PRI";

    static readonly byte[] Init = { 0x1B, 0x40 };
    static readonly byte[] Cut = { 0x1D, 0x56, 0x42, 0x00 };

    static TestigoTicketData Data(string title = "Gubernatura") => new()
    {
        ElectionName = "Gubernatura de Coahuila 2024",
        ContestTitles = new[] { title },
        SelectionTexts = new[] { "PAN + PRI: Nombre Apellido" },
        QrPayload = Payload,
        PackageHash = Hash,
    };

    [Fact]
    public void Body_prints_heading_selection_qr_package_and_last_line_and_does_not_cut()
    {
        var t = TestigoLayout.Body(Data());
        Assert.Equal(Init, t.Take(2));
        Assert.False(Contains(t, Cut), "the body is held on the roll until the voter decides");
        int heading = IndexOfText(t, "TESTIGO DEL VOTO");
        int title = IndexOfText(t, "Gubernatura\n");
        int selection = IndexOfText(t, "PAN + PRI: Nombre Apellido\n");
        int qr = IndexOf(t, System.Text.Encoding.ASCII.GetBytes(Payload));
        int package = IndexOfText(t, "Paquete " + Hash[..16] + "\n");
        int last = IndexOfText(t, "Revise su testigo / Check your testigo\n");
        Assert.True(heading >= 0 && title > heading && selection > title && qr > selection && package > qr && last > package,
            $"order heading {heading} title {title} selection {selection} qr {qr} package {package} last {last}");
        Assert.True(Contains(t, new byte[] { 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06 }), "QR module 6");
        Assert.True(Contains(t, new byte[] { 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31 }), "QR level M");
        Assert.Equal(-1, IndexOfText(t, Hash[..17]));
    }

    [Fact]
    public void Testigo_data_has_no_field_that_could_carry_an_id_a_time_or_an_order()
    {
        // rules.md R3 and issue 9 point 1: nothing on the testigo can serve as a receipt or date it.
        var names = typeof(TestigoTicketData).GetFields().Select(f => f.Name.ToLowerInvariant()).ToArray();
        Assert.DoesNotContain(names, n => n.Contains("id") || n.Contains("time") || n.Contains("date")
            || n.Contains("seq") || n.Contains("order") || n.Contains("count") || n.Contains("serial"));
    }

    [Fact]
    public void Body_keeps_a_long_title_to_two_lines()
    {
        var longTitle = string.Join(" ", Enumerable.Repeat("Diputación", 20));
        var t = TestigoLayout.Body(Data(longTitle));
        var lines = TicketText.WrapAtMost(longTitle, 48, 2);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("...", lines[1]);
        // The two kept lines, then the title's bold ends: no third line of it.
        Assert.True(Contains(t, Printed(lines[0] + "\n" + lines[1] + "\n").Concat(new byte[] { 0x1B, 0x45, 0x00 }).ToArray()));
    }

    [Fact]
    public void Body_refuses_more_than_eight_contests()
    {
        var data = Data();
        data.ContestTitles = Enumerable.Repeat("T", 9).ToArray();
        data.SelectionTexts = Enumerable.Repeat("S", 9).ToArray();
        Assert.Throws<ArgumentException>(() => TestigoLayout.Body(data));
    }

    [Fact]
    public void Accepted_prints_voto_emitido_its_barcode_and_the_counting_line_then_cuts()
    {
        var t = TestigoLayout.Accepted();
        Assert.Equal(Init, t.Take(2));
        Assert.Equal(Cut, t.TakeLast(4));
        int title = IndexOf(t, new byte[] { 0x1D, 0x21, 0x11 }.Concat(Printed("VOTO EMITIDO\n")).ToArray());
        int barcode = IndexOf(t, new byte[] { 0x1D, 0x6B, 73, 17 }.Concat(System.Text.Encoding.ASCII.GetBytes("{BVMRE-M1|EMITIDO")).ToArray());
        int line = IndexOfText(t, "Este testigo cuenta en el recuento\n");
        Assert.True(title >= 0 && barcode > title && line > barcode, $"order title {title} barcode {barcode} line {line}");
        Assert.False(Contains(t, new byte[] { 0x1B, 0x4B }), "acceptance never feeds back");
    }

    [Theory]
    [InlineData(VoidReason.PrinterFault, "PRINTER")]
    [InlineData(VoidReason.CoverOpened, "COVER")]
    [InlineData(VoidReason.VoterRejected, "REJECTED")]
    [InlineData(VoidReason.VoterTimeout, "TIMEOUT")]
    [InlineData(VoidReason.PowerLoss, "POWER")]
    [InlineData(VoidReason.OfficialCancelled, "OFFICIAL")]
    public void Voided_feeds_back_over_the_body_bands_it_then_prints_anulado_reason_and_mark(VoidReason reason, string code)
    {
        var t = TestigoLayout.Voided(reason);
        Assert.Equal(Init, t.Take(2));
        Assert.Equal(Cut, t.TakeLast(4));

        // ESC K n commands right after the reset and code page, n <= 255, summing to MaxBodyDots.
        int p = 5;
        int fed = 0;
        while (t[p] == 0x1B && t[p + 1] == 0x4B) { fed += t[p + 2]; p += 3; }
        Assert.Equal(TestigoLayout.MaxBodyDots, fed);

        int bandStart = IndexOf(t, new byte[] { 0x1B, 0x33, 24, 0x1D, 0x42, 0x01 });
        int bandEnd = IndexOf(t, new byte[] { 0x1D, 0x42, 0x00, 0x1B, 0x32 });
        Assert.True(bandStart >= p && bandEnd > bandStart, $"band {bandStart}..{bandEnd}");
        var band = t[(bandStart + 6)..bandEnd];
        var bandLine = Printed(new string(' ', 48) + "\n");
        Assert.Equal(TestigoLayout.MaxBodyDots / 24 * bandLine.Length, band.Length);
        Assert.Equal(0, TestigoLayout.MaxBodyDots % 24);
        Assert.All(band.Chunk(bandLine.Length), l => Assert.Equal(bandLine, l));

        int title = IndexOf(t, new byte[] { 0x1D, 0x21, 0x11 }.Concat(Printed("ANULADO\n")).ToArray());
        int why = IndexOfText(t, VoidReasonCodes.SpanishOf(reason));
        var mark = "VMRE-M1|ANULADO|" + code;
        int barcode = IndexOf(t, new byte[] { 0x1D, 0x6B, 73, (byte)(mark.Length + 2) }.Concat(System.Text.Encoding.ASCII.GetBytes("{B" + mark)).ToArray());
        int line = IndexOfText(t, "Este papel no cuenta en el recuento\n");
        Assert.True(title > bandEnd && why > title && barcode > why && line > barcode,
            $"order band {bandEnd} title {title} reason {why} barcode {barcode} line {line}");
    }
}
