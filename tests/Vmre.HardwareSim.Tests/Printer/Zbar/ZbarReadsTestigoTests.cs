using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;
using Vmre.HardwareSim.Printer.Paper;
using Vmre.HardwareSim.Tests.Printer.Overprint;

namespace Vmre.HardwareSim.Tests.Printer.Zbar;

/// <summary>
/// Issue 9 point 4: any reader at its default setting must read a testigo's QR as the same
/// characters. The T2 payload is printable ASCII, write-in letters percent-encoded (design §1);
/// raw UTF-8 bytes in byte mode without ECI are left to each reader's charset guess.
/// </summary>
public class ZbarReadsTestigoTests
{
    private static byte[] Printed(byte[] stream)
    {
        var page = Assert.Single(new EscPosInterpreter().Feed(stream).OfType<PrinterOutput.Page>());
        return PageRenderer.Render(page.Blocks, PaperWidth.Mm80).Png;
    }

    [Fact]
    public void Zbarimg_reads_the_exact_t2_payload_with_a_percent_encoded_write_in()
    {
        // JOSÉ PÉREZ ÑÚÑEZ, written as the design writes it on the wire.
        var png = Printed([.. StandInTestigo.Body(), .. new Ticket().Feed(3).Cut().Bytes]);

        Assert.Equal([StandInTestigo.Payload], Zbarimg.Read(png));
    }

    [Fact]
    public void Zbarimg_reads_only_the_void_mark_off_a_voided_testigo()
    {
        // The other reader agrees with ZXing: the band leaves no QR to find, the mark reads.
        var png = Printed([.. StandInTestigo.Body(), .. StandInTestigo.Voided()]);

        Assert.Equal([StandInTestigo.VoidMark], Zbarimg.Read(png));
    }

    [Fact]
    public void Zbarimg_misreads_a_raw_utf8_write_in_which_is_why_the_payload_is_percent_encoded()
    {
        // The UTF-8 bytes of Í (C3 8D) in byte mode, no ECI: zbar's default guess is Shift-JIS, in
        // which C3 is the half-width katakana TE and 8D 41 (Í's second byte and the A after it) is
        // one kanji. The voter's name would read back as another text, the A lost (issue 9 point 4).
        var png = Printed(new Ticket().Init().Qr("CNR:GARCÍA", level: 49, moduleSize: 6).Feed(3).Cut().Bytes);

        var read = Assert.Single(Zbarimg.Read(png));

        Assert.NotEqual("CNR:GARCÍA", read);
        Assert.Equal("CNR:GARC\uFF83\u5589", read);
    }
}
