using CsCheck;
using Vmre.Firmware.Printing;

namespace Vmre.Firmware.Tests.Printing;

public class PrinterStatusTests
{
    const byte Idle = 0x12; // fixed bits only: bit 1 and bit 4 set

    [Fact]
    public void All_clear_is_ready()
    {
        var r = PrinterStatusDecoder.Decode(Idle, Idle, Idle, Idle);
        Assert.True(r.Ok);
        Assert.True(r.Status.Online);
        Assert.True(r.Status.ReadyToPrint);
        Assert.False(r.Status.PaperNearEnd || r.Status.PaperOut || r.Status.CoverOpen || r.Status.Error);
    }

    [Fact]
    public void Decodes_each_flag()
    {
        Assert.False(PrinterStatusDecoder.Decode(0x1A, Idle, Idle, Idle).Status.Online);
        var cover = PrinterStatusDecoder.Decode(0x1A, 0x16, Idle, Idle).Status;
        Assert.True(cover.CoverOpen);
        Assert.False(cover.ReadyToPrint);
        Assert.True(PrinterStatusDecoder.Decode(Idle, 0x1A, Idle, Idle).Status.FeedButtonPressed);
        Assert.True(PrinterStatusDecoder.Decode(Idle, 0x32, Idle, Idle).Status.PaperOut);
        Assert.True(PrinterStatusDecoder.Decode(Idle, 0x52, Idle, Idle).Status.Error);
        var cutter = PrinterStatusDecoder.Decode(Idle, Idle, 0x1A, Idle).Status;
        Assert.True(cutter.AutocutterError && cutter.Error);
        Assert.True(PrinterStatusDecoder.Decode(Idle, Idle, 0x32, Idle).Status.UnrecoverableError);
        Assert.True(PrinterStatusDecoder.Decode(Idle, Idle, 0x52, Idle).Status.AutoRecoverableError);
        var nearEnd = PrinterStatusDecoder.Decode(Idle, Idle, Idle, 0x1E).Status;
        Assert.True(nearEnd.PaperNearEnd);
        Assert.True(nearEnd.ReadyToPrint); // a near-end roll still prints
        var end = PrinterStatusDecoder.Decode(Idle, Idle, Idle, 0x72).Status;
        Assert.True(end.PaperOut);
        Assert.False(end.ReadyToPrint);
    }

    [Fact]
    public void Rejects_bytes_with_wrong_fixed_bits()
    {
        Assert.False(PrinterStatusDecoder.Decode(0x00, Idle, Idle, Idle).Ok);
        Assert.False(PrinterStatusDecoder.Decode(Idle, 0x93, Idle, Idle).Ok);
        Assert.Equal(PrinterStatusResult.NotAStatusByte, PrinterStatusDecoder.Decode(Idle, Idle, Idle, 0xFF).Reason);
    }

    [Fact]
    public void Never_throws_and_ok_iff_fixed_bits_right() =>
        Gen.Byte.Array[4, 4].Sample(b =>
        {
            var r = PrinterStatusDecoder.Decode(b[0], b[1], b[2], b[3]);
            Assert.Equal(b.All(x => (x & 0x93) == 0x12), r.Ok);
        }, iter: 3000);
}
