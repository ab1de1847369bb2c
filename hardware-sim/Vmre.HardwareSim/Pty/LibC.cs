using System.Runtime.InteropServices;

namespace Vmre.HardwareSim.Pty;

/// <summary>
/// The few libc calls a pseudo-terminal needs. Linux x86-64/arm64 values only: the
/// simulator runs on the Debian hosts named in STACK.md, never on the embedded target.
/// </summary>
internal static unsafe partial class LibC
{
    public const int O_RDWR = 0x2;
    public const int O_NOCTTY = 0x100;
    public const int TCSANOW = 0;
    public const short POLLIN = 0x1;
    public const short POLLOUT = 0x4;
    public const short POLLERR = 0x8;
    public const short POLLHUP = 0x10;
    public const short POLLNVAL = 0x20;
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int EIO = 5;

    /// <summary>
    /// glibc's struct termios is 60 bytes; a larger opaque buffer means this code never
    /// depends on its layout, because only libc itself reads or writes it.
    /// </summary>
    public const int TermiosBufferSize = 256;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int PosixOpenpt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    public static partial int Grantpt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int Unlockpt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    public static partial int PtsnameR(int fd, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int Tcgetattr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int Tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static partial void Cfmakeraw(byte* termios);

    public static IOException Failure(string call)
    {
        int errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} failed: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
    }
}
