using Vmre.HardwareSim.Pty;

namespace Vmre.HardwareSim.Nfc;

/// <summary>
/// An NXP PN532 NFC reader in HSU (high-speed UART) mode at the far end of a pseudo-terminal:
/// the terminal opens <see cref="SlavePath"/> with the real Iot.Device.Pn532 binding, as it
/// would a reader on /dev/ttyUSB0 (BRIEF §4, one code path). Each correct frame is answered
/// with an ACK and then the response frame; a frame with a wrong checksum with a NACK; an
/// unknown command or bad parameters with the error frame (PN532 user manual §6.2.1, §7.1).
/// </summary>
public sealed class Pn532Emulator : IDisposable
{
    private readonly PseudoTerminal _pty = new();
    private readonly Pn532FrameReader _reader = new();
    private readonly Pn532Chip _chip = new();
    private readonly object _gate = new();
    private readonly Thread _thread;
    private byte[]? _lastResponse;
    private volatile bool _disposed;

    public Pn532Emulator()
    {
        _pty.Master.WriteTimeout = 1000; // a host that never reads must not stall the emulator
        _thread = new Thread(Run) { IsBackground = true, Name = $"pn532 {_pty.SlavePath}" };
        _thread.Start();
    }

    /// <summary>The serial device path the terminal opens, e.g. /dev/pts/9.</summary>
    public string SlavePath => _pty.SlavePath;

    /// <summary>Silence after which a half-received frame is dropped.</summary>
    public TimeSpan IncompleteFrameTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Frames answered, checksum and syntax errors: for the simulator's log. Never card contents.</summary>
    public event Action<Pn532Notice>? Noticed;

    /// <summary>True while the chip is powered down waiting for the HSU wake-up.</summary>
    public bool IsAsleep { get { lock (_gate) return _chip.Asleep; } }

    /// <summary>Puts a tag or a smart card on the antenna; it replaces anything already there.</summary>
    public void PresentCard(IContactlessTarget tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        lock (_gate) _chip.PresentCard(tag);
    }

    public void RemoveCard() { lock (_gate) _chip.RemoveCard(); }

    /// <summary>
    /// The card is pulled away after <paramref name="exchanges"/> more InDataExchange commands
    /// reach it (Type 2 READs, or APDUs such as SELECT): the next one gets no answer from the
    /// card (status 0x01, time-out) and the field is empty.
    /// </summary>
    public void PullCardAfterExchanges(int exchanges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exchanges);
        lock (_gate) _chip.PullCardAfterExchanges(exchanges);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _pty.Dispose(); // the blocked master read returns 0
        _thread.Join(TimeSpan.FromSeconds(5));
    }

    private void Run()
    {
        var buffer = new byte[1024];
        var received = new List<Pn532Received>();
        _pty.Master.ReadTimeout = (int)IncompleteFrameTimeout.TotalMilliseconds;
        while (!_disposed)
        {
            int n;
            try { n = _pty.Master.Read(buffer); }
            catch (TimeoutException) { DropIncompleteFrame(); continue; }
            catch (Exception ex) when (ex is ObjectDisposedException or IOException) { break; }
            if (n == 0) break;
            try
            {
                received.Clear();
                lock (_gate)
                {
                    _reader.Feed(buffer.AsSpan(0, n), received);
                    foreach (var item in received) Handle(item);
                }
            }
            catch (Exception ex)
            {
                if (_disposed) break; // disposed mid-answer: the answer goes nowhere
                // A background thread must not take the simulator down; say so loudly instead.
                Notice(Pn532NoticeKind.InternalError, ex.ToString());
            }
        }
    }

    private void Handle(Pn532Received item)
    {
        if (item.Kind == Pn532ReceivedKind.WakeUp) { _chip.WakeUp(); return; }
        if (_chip.Asleep)
        {
            Notice(Pn532NoticeKind.IgnoredWhileAsleep, $"{item.Kind} ignored: no 0x55 wake-up before it");
            return;
        }
        switch (item.Kind)
        {
            case Pn532ReceivedKind.Information: Answer(item.Body); break;
            case Pn532ReceivedKind.Nack:
                // The host asks for the last response again (manual §6.2.1.4).
                if (_lastResponse is not null) Send(_lastResponse);
                break;
            case Pn532ReceivedKind.Ack: break; // the host aborts: nothing is pending in this emulator
            case Pn532ReceivedKind.BadLengthChecksum or Pn532ReceivedKind.BadDataChecksum:
                Notice(Pn532NoticeKind.BadChecksum, item.Kind == Pn532ReceivedKind.BadLengthChecksum ? "LEN + LCS is not 0" : "TFI + data + DCS is not 0");
                Send(Pn532Frames.Nack);
                break;
            case Pn532ReceivedKind.WakeUp: break;
            default: throw new InvalidOperationException($"unhandled {item.Kind}");
        }
    }

    private void Answer(byte[] body)
    {
        Send(Pn532Frames.Ack); // the frame arrived whole; the response follows
        byte[]? data = body.Length >= 2 && body[0] == Pn532Frames.HostToChip ? _chip.Execute(body[1], body.AsSpan(2)) : null;
        if (data is null)
        {
            string what = body.Length >= 2 ? $"{Pn532Chip.Name(body[1])} with {body.Length - 2} parameter bytes" : "frame without command";
            Notice(Pn532NoticeKind.SyntaxError, body.Length >= 1 && body[0] != Pn532Frames.HostToChip ? $"TFI 0x{body[0]:X2} is not 0xD4" : what);
            _lastResponse = Pn532Frames.SyntaxError.ToArray();
        }
        else
        {
            Notice(Pn532NoticeKind.Command, Pn532Chip.Name(body[1]));
            _lastResponse = Pn532Frames.Information(Pn532Frames.ChipToHost, data);
        }
        Send(_lastResponse);
    }

    private void Send(ReadOnlySpan<byte> frame)
    {
        // One frame, one write: the binding reads a whole frame as soon as its first byte shows.
        try { _pty.Master.Write(frame); }
        catch (TimeoutException) { Notice(Pn532NoticeKind.InternalError, "answer dropped: the host is not reading"); }
    }

    private void DropIncompleteFrame()
    {
        lock (_gate)
        {
            if (_reader.Pending <= 1) return;
            Notice(Pn532NoticeKind.IncompleteFrame, $"incomplete frame dropped after silence ({_reader.Pending} bytes)");
            _reader.Reset();
        }
    }

    private void Notice(Pn532NoticeKind kind, string detail)
    {
        try { Noticed?.Invoke(new Pn532Notice(kind, detail)); }
        catch { /* a faulty log handler must not stop the reader */ }
    }
}
