using Vmre.Firmware.Printing;

namespace Vmre.Firmware.Tests.Printing;

public class EscPosWriterTests
{
    static string Hex(byte[] b) => Convert.ToHexString(b);

    [Fact]
    public void Text_commands_golden_bytes()
    {
        var bytes = new EscPosWriter()
            .Initialize().SelectCodePage858().Align(TextAlignment.Center).Bold(true).Size(2, 3)
            .Text("Año ¿sí?").Line("x").Feed(3).Cut().ToArray();
        Assert.Equal("1B40" + "1B7413" + "1B6101" + "1B4501" + "1D2112" + "41A46F20A873A13F" + "780A" + "1B6403" + "1D564200", Hex(bytes));
    }

    [Fact]
    public void Size_align_bold_variants()
    {
        Assert.Equal("1D2100", Hex(new EscPosWriter().Size(1, 1).ToArray()));
        Assert.Equal("1D2177", Hex(new EscPosWriter().Size(8, 8).ToArray()));
        Assert.Equal("1B6100", Hex(new EscPosWriter().Align(TextAlignment.Left).ToArray()));
        Assert.Equal("1B6102", Hex(new EscPosWriter().Align(TextAlignment.Right).ToArray()));
        Assert.Equal("1B4500", Hex(new EscPosWriter().Bold(false).ToArray()));
    }

    [Fact]
    public void Qr_golden_bytes()
    {
        var bytes = new EscPosWriter().Qr("AB", 6, QrErrorCorrection.M).ToArray();
        Assert.Equal(
            "1D286B040031413200" + "1D286B0300314306" + "1D286B0300314531" + "1D286B05003150304142" + "1D286B0300315130",
            Hex(bytes));
    }

    [Fact]
    public void Qr_store_length_is_little_endian_and_data_is_utf8()
    {
        var data = new string('Ñ', 200); // 400 UTF-8 bytes -> pL pH = 403 = 0x0193
        var bytes = new EscPosWriter().Qr(data, 3, QrErrorCorrection.H).ToArray();
        var hex = Hex(bytes);
        Assert.Contains("1D286B0300314533", hex);
        Assert.Contains("1D286B9301315030C391", hex);
    }

    [Fact]
    public void Reverse_feed_is_sent_as_esc_k_commands_of_at_most_255_rows()
    {
        Assert.Equal("", Hex(new EscPosWriter().ReverseFeedDots(0).ToArray()));
        Assert.Equal("1B4B18", Hex(new EscPosWriter().ReverseFeedDots(24).ToArray()));
        Assert.Equal("1B4BFF", Hex(new EscPosWriter().ReverseFeedDots(255).ToArray()));
        Assert.Equal("1B4BFF" + "1B4BFF" + "1B4B0A", Hex(new EscPosWriter().ReverseFeedDots(520).ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscPosWriter().ReverseFeedDots(-1));
    }

    [Fact]
    public void Band_commands_golden_bytes()
    {
        var bytes = new EscPosWriter().LineSpacing(24).ReverseVideo(true).ReverseVideo(false).DefaultLineSpacing().ToArray();
        Assert.Equal("1B3318" + "1D4201" + "1D4200" + "1B32", Hex(bytes));
    }

    [Fact]
    public void Code128_golden_bytes_in_code_set_b_without_hri()
    {
        var bytes = new EscPosWriter().Code128("VMRE-M1|EMITIDO").ToArray();
        Assert.Equal("1D6860" + "1D7702" + "1D4800" + "1D6B4911" + "7B42" + Hex(System.Text.Encoding.ASCII.GetBytes("VMRE-M1|EMITIDO")), Hex(bytes));
    }

    [Theory]
    [InlineData(15, 2)] // VMRE-M1|EMITIDO: 200 modules + quiet zones, 2 dots each = 440 of 576
    [InlineData(24, 1)] // VMRE-M1|ANULADO|REJECTED: 299 modules only fit at 1 dot
    [InlineData(4, 3)]
    [InlineData(49, 0)]
    public void Code128_module_width_is_the_widest_that_fits_the_paper(int length, int width)
    {
        Assert.Equal(width, EscPosWriter.Code128ModuleWidth(length));
        if (width > 0) Assert.True((35 + 11 * length + 20) * width <= 576);
    }

    [Fact]
    public void Code128_refuses_what_code_set_b_cannot_carry_plainly()
    {
        Assert.Throws<ArgumentException>(() => new EscPosWriter().Code128("A{B"));
        Assert.Throws<ArgumentException>(() => new EscPosWriter().Code128("AÑ"));
        Assert.Throws<ArgumentException>(() => new EscPosWriter().Code128("A\n"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscPosWriter().Code128(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscPosWriter().Code128(new string('A', 60)));
    }

    [Fact]
    public void Control_chars_cannot_inject_commands()
    {
        var bytes = new EscPosWriter().Text("A\u001B@\n\u0010\u0004\u007F€☃").ToArray();
        Assert.Equal("413F403F3F3F3FD53F", Hex(bytes));
    }

    [Fact]
    public void Code_page_table_matches_dot_net_code_page_858()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var cp858 = System.Text.Encoding.GetEncoding(858);
        foreach (var c in "áéíóúüñÁÉÍÓÚÜÑ¿¡°€ !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~")
            Assert.Equal(cp858.GetBytes(c.ToString())[0], CodePage858.ToByte(c));
    }

    [Fact]
    public void Arguments_out_of_range_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscPosWriter().Size(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscPosWriter().Size(1, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscPosWriter().Feed(256));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscPosWriter().Qr("A", 17, QrErrorCorrection.L));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscPosWriter().Qr("", 6, QrErrorCorrection.L));
    }

    [Fact]
    public void Status_request_constants()
    {
        Assert.Equal("100401", Hex(RealTimeStatusRequest.PrinterStatus()));
        Assert.Equal("100402", Hex(RealTimeStatusRequest.OfflineCause()));
        Assert.Equal("100403", Hex(RealTimeStatusRequest.ErrorCause()));
        Assert.Equal("100404", Hex(RealTimeStatusRequest.PaperSensor()));
    }
}
