using Vmre.HardwareSim.Printer.EscPos;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>Decoding GS ( H: only fn 48 with four ASCII digits is a process ID request.</summary>
public class ProcessIdReaderTests
{
    private static List<EscPosCommand> Read(params byte[] bytes)
    {
        var output = new List<EscPosCommand>();
        new EscPosReader().Feed(bytes, output);
        return output;
    }

    [Fact]
    public void Process_id_request_carries_its_four_digits()
    {
        var command = Assert.Single(Read(0x1D, 0x28, 0x48, 6, 0, 0x30, 0x30, 0x39, 0x30, 0x31, 0x32));
        Assert.Equal(EscPosCommandKind.ProcessIdRequest, command.Kind);
        Assert.Equal("9012"u8.ToArray(), command.Data);
    }

    [Fact]
    public void Other_gs_paren_h_functions_are_skipped_by_their_length()
    {
        // fn 49 (offline response) with 3 parameter bytes, followed by a line feed that must survive.
        var commands = Read(0x1D, 0x28, 0x48, 3, 0, 0x31, 0x30, 0x00, 0x0A);
        Assert.Equal([EscPosCommandKind.Unknown, EscPosCommandKind.LineFeed], commands.Select(c => c.Kind));
    }

    [Fact]
    public void Non_digit_process_id_is_unknown()
    {
        var command = Assert.Single(Read(0x1D, 0x28, 0x48, 6, 0, 0x30, 0x30, 0x41, 0x30, 0x31, 0x32));
        Assert.Equal(EscPosCommandKind.Unknown, command.Kind);
    }

    [Fact]
    public void Process_id_request_waits_for_its_last_digit()
    {
        var reader = new EscPosReader();
        var output = new List<EscPosCommand>();
        reader.Feed([0x1D, 0x28, 0x48, 6, 0, 0x30, 0x30, 0x31, 0x32, 0x33], output);
        Assert.Empty(output);
        reader.Feed([0x34], output);
        Assert.Equal(EscPosCommandKind.ProcessIdRequest, Assert.Single(output).Kind);
    }
}
