namespace Vmre.HardwareSim.Pty;

/// <summary>
/// The master side of a pseudo-terminal as a Stream. Every wait is a short poll() so that
/// Dispose can stop a reader blocked on a silent client without closing an fd under it.
/// </summary>
internal sealed unsafe class PseudoTerminalStream : Stream
{
    private const int PollSliceMs = 50;
    private readonly int _fd;
    private readonly object _gate = new();
    private int _inFlight;
    private volatile bool _closing;

    public PseudoTerminalStream(int fd) => _fd = fd;

    public override bool CanRead => !_closing;
    public override bool CanWrite => !_closing;
    public override bool CanSeek => false;
    public override bool CanTimeout => true;

    /// <summary>Milliseconds a Read waits for data before throwing TimeoutException; -1 waits forever.</summary>
    public override int ReadTimeout { get; set; } = Timeout.Infinite;

    /// <summary>Milliseconds a Write waits for room (a client that never reads) before throwing TimeoutException.</summary>
    public override int WriteTimeout { get; set; } = Timeout.Infinite;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (!Enter()) return 0;
        try
        {
            var deadline = Deadline(ReadTimeout);
            while (!_closing)
            {
                if (!WaitFor(LibC.POLLIN)) { ThrowIfPast(deadline, "read"); continue; }
                fixed (byte* p = buffer)
                {
                    nint n = LibC.Read(_fd, p, (nuint)buffer.Length);
                    if (n > 0) return (int)n;
                    if (n == 0) return 0;
                    int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                    // EIO means no slave is open; our keeper fd prevents that, but be calm anyway.
                    if (errno is LibC.EINTR or LibC.EAGAIN or LibC.EIO) { Thread.Sleep(5); continue; }
                    throw LibC.Failure("read");
                }
            }
            return 0;
        }
        finally { Leave(); }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!Enter()) throw new ObjectDisposedException(nameof(PseudoTerminal));
        try
        {
            var deadline = Deadline(WriteTimeout);
            while (!buffer.IsEmpty)
            {
                if (_closing) throw new ObjectDisposedException(nameof(PseudoTerminal));
                if (!WaitFor(LibC.POLLOUT)) { ThrowIfPast(deadline, "write"); continue; }
                fixed (byte* p = buffer)
                {
                    nint n = LibC.Write(_fd, p, (nuint)buffer.Length);
                    if (n > 0) { buffer = buffer[(int)n..]; continue; }
                    int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                    if (errno is LibC.EINTR or LibC.EAGAIN) continue;
                    throw LibC.Failure("write");
                }
            }
        }
        finally { Leave(); }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Stops new I/O, waits for in-flight calls to leave; true the first time.</summary>
    internal bool Shutdown()
    {
        lock (_gate)
        {
            if (_closing) return false;
            _closing = true;
            while (_inFlight > 0) Monitor.Wait(_gate, 1000);
            return true;
        }
    }

    protected override void Dispose(bool disposing) { /* the PseudoTerminal owns the fd */ }

    private static long Deadline(int timeoutMs) =>
        timeoutMs < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMs;

    private static void ThrowIfPast(long deadline, string what)
    {
        if (Environment.TickCount64 >= deadline) throw new TimeoutException($"pseudo-terminal {what} timed out");
    }

    private bool WaitFor(short events)
    {
        var pfd = new LibC.PollFd { Fd = _fd, Events = events };
        int rc = LibC.Poll(&pfd, 1, PollSliceMs);
        if (rc < 0)
        {
            if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == LibC.EINTR) return false;
            throw LibC.Failure("poll");
        }
        if (rc == 0) return false;
        // POLLHUP without data: no client right now; wait rather than spin.
        if ((pfd.Revents & events) == 0) { Thread.Sleep(PollSliceMs); return false; }
        return true;
    }

    private bool Enter()
    {
        lock (_gate)
        {
            if (_closing) return false;
            _inFlight++;
            return true;
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            _inFlight--;
            Monitor.PulseAll(_gate);
        }
    }
}
