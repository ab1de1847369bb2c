using Vmre.HardwareSim.Pty;

namespace Vmre.HardwareSim.Tests.Pty;

public class PseudoTerminalTests
{
    // Every byte a serial line discipline likes to eat or translate: LF, CR, NUL, ESC, DLE EOT,
    // XON/XOFF, ^C, ^D, DEL and high bytes.
    private static readonly byte[] Awkward =
        [0x0A, 0x0D, 0x00, 0x1B, 0x10, 0x04, 0x11, 0x13, 0x03, 0x04, 0x7F, 0x80, 0xFF, 0x0D, 0x0A, 0x1D, 0x56, 0x00];

    [Fact]
    public void Slave_path_is_a_pts_device()
    {
        using var pty = new PseudoTerminal();
        Assert.StartsWith("/dev/pts/", pty.SlavePath);
    }

    [Fact]
    public void Bytes_from_serial_port_reach_master_unchanged()
    {
        using var pty = new PseudoTerminal();
        using var port = SerialClient.Open(pty.SlavePath);
        port.Write(Awkward);
        Assert.Equal(Awkward, pty.Master.ReadExactly(Awkward.Length, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Bytes_from_master_reach_serial_port_unchanged()
    {
        using var pty = new PseudoTerminal();
        using var port = SerialClient.Open(pty.SlavePath);
        pty.Master.Write(Awkward);
        Assert.Equal(Awkward, port.ReadExactly(Awkward.Length));
    }

    [Fact]
    public void Client_can_close_and_reopen_the_port()
    {
        using var pty = new PseudoTerminal();
        using (var first = SerialClient.Open(pty.SlavePath)) first.Write([1, 2, 3]);
        Assert.Equal(new byte[] { 1, 2, 3 }, pty.Master.ReadExactly(3, TimeSpan.FromSeconds(5)));
        using var second = SerialClient.Open(pty.SlavePath);
        second.Write([4, 5]);
        Assert.Equal(new byte[] { 4, 5 }, pty.Master.ReadExactly(2, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Dispose_releases_a_blocked_read()
    {
        var pty = new PseudoTerminal();
        var reader = Task.Run(() => pty.Master.Read(new byte[16]));
        await Task.Delay(200); // time for the read to block (not a proof: a read that has not blocked yet must return 0 too)
        pty.Dispose();
        Assert.Same(reader, await Task.WhenAny(reader, Task.Delay(3000)));
        Assert.Equal(0, await reader);
    }
}
