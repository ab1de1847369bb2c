using CsCheck;
using Vmre.Firmware.Printing;

namespace Vmre.Firmware.Tests.Printing;

public class ProcessIdTests
{
    static string Hex(byte[] b) => Convert.ToHexString(b);

    [Fact]
    public void Request_is_gs_paren_h_function_48()
    {
        Assert.Equal("1D28480600303030313237", Hex(new EscPosWriter().RequestProcessId("0127").ToArray()));
    }

    [Theory]
    [InlineData("012")]
    [InlineData("01234")]
    [InlineData("01a3")]
    [InlineData("０１２３")] // full-width digits are not ASCII
    [InlineData("12 3")]
    public void RequestRefusesAnythingButFourAsciiDigits(string id) =>
        Assert.Throws<ArgumentException>(() => new EscPosWriter().RequestProcessId(id));

    [Fact]
    public void Request_refuses_null() =>
        Assert.Throws<ArgumentNullException>(() => new EscPosWriter().RequestProcessId(null!));

    [Fact]
    public void Reply_parses_at_an_offset()
    {
        byte[] buffer = { 0xFF, 0x37, 0x22, 0x30, 0x31, 0x32, 0x37, 0x00, 0xEE };
        Assert.True(ProcessIdReply.TryParse(buffer, 1, ProcessIdReply.Length, out var id));
        Assert.Equal("0127", id);
    }

    [Theory]
    [InlineData("3722303132370001", 0, 8)] // count must be exactly 7
    [InlineData("37223031323700", 0, 6)]
    [InlineData("38223031323700", 0, 7)] // header byte
    [InlineData("37233031323700", 0, 7)]
    [InlineData("37223031323701", 0, 7)] // NUL terminator
    [InlineData("372230313A3700", 0, 7)] // ':' is not a digit
    [InlineData("372230312F3700", 0, 7)] // '/' is not a digit
    [InlineData("37223031323700", 1, 7)] // runs past the buffer
    [InlineData("37223031323700", -1, 7)]
    public void MalformedRepliesAreRefused(string hex, int offset, int count)
    {
        Assert.False(ProcessIdReply.TryParse(Convert.FromHexString(hex), offset, count, out var id));
        Assert.Null(id);
    }

    [Fact]
    public void Null_buffer_is_refused() => Assert.False(ProcessIdReply.TryParse(null!, 0, 7, out _));

    [Fact]
    public void Arbitrary_bytes_never_throw() =>
        Gen.Byte.Array[0, 12].Select(Gen.Int[-2, 14], Gen.Int[-2, 14]).Sample((bytes, offset, count) =>
        {
            bool ok = ProcessIdReply.TryParse(bytes, offset, count, out var id);
            Assert.Equal(ok, id != null);
        }, iter: 2000);

    [Theory]
    [InlineData(0, "0000")]
    [InlineData(7, "0007")]
    [InlineData(127, "0127")]
    [InlineData(9999, "9999")]
    public void Format_pads_to_four_digits(int n, string expected) => Assert.Equal(expected, ProcessIdReply.Format(n));

    [Theory]
    [InlineData(-1)]
    [InlineData(10000)]
    public void Format_refuses_out_of_range(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessIdReply.Format(n));

    [Fact]
    public void Formatted_id_round_trips_through_request_and_reply()
    {
        string id = ProcessIdReply.Format(42);
        byte[] request = new EscPosWriter().RequestProcessId(id).ToArray();
        byte[] reply = new byte[] { 0x37, 0x22 }.Concat(request[^4..]).Append((byte)0).ToArray();
        Assert.True(ProcessIdReply.TryParse(reply, 0, reply.Length, out var back));
        Assert.Equal(id, back);
    }

    [Fact]
    public void Underline_is_esc_minus()
    {
        Assert.Equal("1B2D01", Hex(new EscPosWriter().Underline(true).ToArray()));
        Assert.Equal("1B2D00", Hex(new EscPosWriter().Underline(false).ToArray()));
    }
}
