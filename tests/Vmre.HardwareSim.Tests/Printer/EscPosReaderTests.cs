using Vmre.HardwareSim.Printer.EscPos;

namespace Vmre.HardwareSim.Tests.Printer;

public class EscPosReaderTests
{
    private static List<EscPosCommand> Read(params byte[][] chunks)
    {
        var reader = new EscPosReader();
        var output = new List<EscPosCommand>();
        foreach (var chunk in chunks) reader.Feed(chunk, output);
        return output;
    }

    [Fact]
    public void Qr_store_length_counts_cn_fn_m()
    {
        var commands = Read([0x1D, 0x28, 0x6B, 6, 0, 0x31, 0x50, 0x30, (byte)'a', (byte)'b', (byte)'c']);
        var store = Assert.Single(commands);
        Assert.Equal(EscPosCommandKind.QrStore, store.Kind);
        Assert.Equal("abc"u8.ToArray(), store.Data);
    }

    [Fact]
    public void Incomplete_command_waits_for_its_remaining_bytes()
    {
        var reader = new EscPosReader();
        var output = new List<EscPosCommand>();
        reader.Feed([0x1D, 0x56], output);
        Assert.Empty(output);
        Assert.Equal(2, reader.Pending);
        reader.Feed([0x42, 5], output);
        Assert.Equal(new EscPosCommand(EscPosCommandKind.PartialCut, 5), Assert.Single(output));
    }

    [Theory]
    [InlineData(new byte[] { 0x1D, 0x56, 0x00 }, EscPosCommandKind.Cut, 0)]
    [InlineData(new byte[] { 0x1D, 0x56, 0x30 }, EscPosCommandKind.Cut, 0)]
    [InlineData(new byte[] { 0x1D, 0x56, 0x01 }, EscPosCommandKind.PartialCut, 0)]
    [InlineData(new byte[] { 0x1D, 0x56, 0x31 }, EscPosCommandKind.PartialCut, 0)]
    [InlineData(new byte[] { 0x1D, 0x56, 0x41, 7 }, EscPosCommandKind.Cut, 7)]
    [InlineData(new byte[] { 0x1D, 0x56, 0x42, 0 }, EscPosCommandKind.PartialCut, 0)]
    [InlineData(new byte[] { 0x1D, 0x56, 0x61, 5 }, EscPosCommandKind.Cut, 5)]
    [InlineData(new byte[] { 0x1D, 0x56, 0x68, 2 }, EscPosCommandKind.PartialCut, 2)]
    public void Cut_forms(byte[] bytes, EscPosCommandKind kind, int feed)
    {
        Assert.Equal(new EscPosCommand(kind, feed), Assert.Single(Read(bytes)));
    }

    [Fact]
    public void Status_request_outside_1_to_4_is_unknown_not_answered()
    {
        Assert.Equal(EscPosCommandKind.Unknown, Assert.Single(Read([0x10, 0x04, 9])).Kind);
    }
}
