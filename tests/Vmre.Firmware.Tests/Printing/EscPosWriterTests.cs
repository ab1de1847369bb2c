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
