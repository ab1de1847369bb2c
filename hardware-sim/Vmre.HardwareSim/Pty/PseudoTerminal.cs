using System.Text;

namespace Vmre.HardwareSim.Pty;

/// <summary>
/// A Linux pseudo-terminal pair. The slave path (/dev/pts/N) is what the terminal software
/// opens with System.IO.Ports exactly as it opens a real serial printer or scanner (BRIEF §4:
/// "pseudo-terminals with an emulated printer on the other end"); the emulator owns the
/// master side through <see cref="Master"/>.
/// </summary>
public sealed unsafe class PseudoTerminal : IDisposable
{
    private readonly int _masterFd;
    // Kept open for the whole lifetime: when the last slave fd closes the master reads EIO
    // (hang-up), so a client closing and reopening its port would otherwise kill the link.
    private readonly int _slaveKeeperFd;
    private readonly PseudoTerminalStream _master;

    public PseudoTerminal()
    {
        _masterFd = LibC.PosixOpenpt(LibC.O_RDWR | LibC.O_NOCTTY);
        if (_masterFd < 0) throw LibC.Failure("posix_openpt");
        try
        {
            if (LibC.Grantpt(_masterFd) != 0) throw LibC.Failure("grantpt");
            if (LibC.Unlockpt(_masterFd) != 0) throw LibC.Failure("unlockpt");
            SlavePath = QuerySlavePath(_masterFd);
            _slaveKeeperFd = LibC.Open(SlavePath, LibC.O_RDWR | LibC.O_NOCTTY);
            if (_slaveKeeperFd < 0) throw LibC.Failure($"open {SlavePath}");
            MakeRaw(_slaveKeeperFd);
        }
        catch
        {
            LibC.Close(_masterFd);
            throw;
        }
        _master = new PseudoTerminalStream(_masterFd);
    }

    /// <summary>The device path a client opens, e.g. /dev/pts/7.</summary>
    public string SlavePath { get; }

    /// <summary>
    /// The far end: bytes the client writes are read here, bytes written here reach the
    /// client. Reads block until data arrives and return 0 once this terminal is disposed.
    /// </summary>
    public Stream Master => _master;

    public void Dispose()
    {
        if (!_master.Shutdown()) return;
        LibC.Close(_slaveKeeperFd);
        LibC.Close(_masterFd);
    }

    private static string QuerySlavePath(int masterFd)
    {
        byte* name = stackalloc byte[128];
        int rc = LibC.PtsnameR(masterFd, name, 128);
        if (rc != 0) throw new IOException($"ptsname_r failed: errno {rc}");
        int length = 0;
        while (length < 128 && name[length] != 0) length++;
        return Encoding.ASCII.GetString(name, length);
    }

    /// <summary>
    /// Raw mode: no echo, no CR/LF translation, no signals on 0x03, 8-bit clean. ESC/POS
    /// status bytes (0x12, 0x10 0x04 …) and QR payloads must pass unchanged.
    /// </summary>
    private static void MakeRaw(int fd)
    {
        byte* termios = stackalloc byte[LibC.TermiosBufferSize];
        new Span<byte>(termios, LibC.TermiosBufferSize).Clear();
        if (LibC.Tcgetattr(fd, termios) != 0) throw LibC.Failure("tcgetattr");
        LibC.Cfmakeraw(termios);
        if (LibC.Tcsetattr(fd, LibC.TCSANOW, termios) != 0) throw LibC.Failure("tcsetattr");
    }
}
