using System.Collections.Concurrent;
using Vmre.HardwareSim.Printer.Interpreter;
using Vmre.HardwareSim.Printer.Paper;
using Vmre.HardwareSim.Pty;

namespace Vmre.HardwareSim.Printer;

/// <summary>
/// An 80 mm (or 58 mm), 203 dpi ESC/POS thermal printer at the far end of a pseudo-terminal.
/// The terminal opens <see cref="SlavePath"/> with System.IO.Ports as it would a real printer
/// (BRIEF §4, one code path); every byte goes through an <see cref="EscPosInterpreter"/>, and
/// each cut (or torn) page, rendered to PNG, goes to the sink.
/// </summary>
public sealed class PrinterEmulator : IDisposable
{
    private readonly PseudoTerminal _pty = new();
    private readonly Action<PrintedPaper> _sink;
    private readonly EscPosInterpreter _interpreter;
    private readonly object _gate = new();
    private readonly object _writeGate = new();
    private readonly object _sensorGate = new();
    private readonly Thread _thread;
    // Real-time status requests are answered as bytes arrive, as a real printer does: the slow
    // part (drawing the paper) happens on its own thread, in order, and a process ID response
    // queued behind the pages is only sent once they are in the sink.
    private readonly BlockingCollection<PrinterOutput> _toRender = new();
    private readonly Thread _renderer;
    private PaperRoll _loaded = PaperRoll.Unlimited();
    private PrinterSensors _lastSensors;
    private long _bytesUntilJam = -1;
    private volatile bool _disposed;

    public PrinterEmulator(Action<PrintedPaper> sink, PaperWidth width = PaperWidth.Mm80)
    {
        _sink = sink;
        _interpreter = new EscPosInterpreter(width);
        _lastSensors = _interpreter.Condition.Sensors;
        _pty.Master.WriteTimeout = 1000; // a client that never reads status must not stall the printer
        _thread = new Thread(Run) { IsBackground = true, Name = $"printer {_pty.SlavePath}" };
        _renderer = new Thread(RenderPages) { IsBackground = true, Name = $"printer paper {_pty.SlavePath}" };
        _renderer.Start();
        _thread.Start();
    }

    /// <summary>
    /// Silence after which a half-received command is dropped. Real printers wait forever;
    /// the emulator does not, so one corrupted length field cannot wedge a whole simulation.
    /// </summary>
    public TimeSpan IncompleteCommandTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Paper left on a loaded roll below which the near-end sensor trips (default 300 mm).</summary>
    public int NearEndRemainderMm { get; init; } = 300;

    public PaperWidth Width => _interpreter.Width;

    /// <summary>The serial device path the terminal opens, e.g. /dev/pts/7.</summary>
    public string SlavePath => _pty.SlavePath;

    /// <summary>Unknown commands, discarded data, jams and internal errors, for the simulator's log.</summary>
    public event Action<PrinterNotice>? Noticed;

    /// <summary>Raised with a fresh snapshot whenever a sensor or switch changes (to drive GPIO sensor pins).</summary>
    public event Action<PrinterSensors>? SensorsChanged;

    public bool IsPaperOut { get { lock (_gate) return _interpreter.Condition.PaperOut; } }
    public bool IsOffline { get { lock (_gate) return _interpreter.Condition.Offline; } }
    public bool IsCoverOpen { get { lock (_gate) return _interpreter.Condition.CoverOpen; } }
    public bool IsJammed { get { lock (_gate) return _interpreter.Condition.Jammed; } }
    public PrinterSensors Sensors { get { lock (_gate) return _interpreter.Condition.Sensors; } }

    /// <summary>Paper left on the roll in millimetres; null while the roll is unlimited (the default).</summary>
    public int? RemainingPaperMm { get { lock (_gate) return _interpreter.Roll.RemainingMm; } }

    /// <summary>The answer a DLE EOT request would get now (n = 1..4).</summary>
    public byte StatusByte(int n) { lock (_gate) return _interpreter.Condition.StatusByte(n); }

    /// <summary>The roll sensor reports paper end now; a page in progress is torn off.</summary>
    public void PaperOut() => Act(i => i.Stop(PaperStop.PaperOut));
    /// <summary>A new roll of the length last loaded (unlimited unless <see cref="LoadPaper"/> was called).</summary>
    public void PaperLoaded() => Change(i => { i.Roll = _loaded.Refilled(); ClearPaperFlags(i); });
    public void PaperNearEnd() => Change(i => i.Condition.PaperNearEnd = true);
    public void GoOffline() => Change(i => i.Condition.Offline = true);
    public void GoOnline() => Change(i => i.Condition.Offline = false);
    public void OpenCover() => Change(i => i.Condition.CoverOpen = true);
    public void CloseCover() => Change(i => i.Condition.CoverOpen = false);
    public void ClearJam() => Change(i => { i.Condition.Jammed = false; _bytesUntilJam = -1; });

    /// <summary>Loads a roll of <paramref name="lengthMm"/>; each rendered dot row (203 dpi) uses its length.</summary>
    public void LoadPaper(int lengthMm)
    {
        var roll = PaperRoll.Of(lengthMm, NearEndRemainderMm);
        Change(i => { _loaded = roll; i.Roll = roll.Refilled(); ClearPaperFlags(i); });
    }

    /// <summary>Arms a paper jam after <paramref name="n"/> more received bytes; 0 jams now.</summary>
    public void JamAfterBytes(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0) Act(Jam);
        else lock (_gate) _bytesUntilJam = n;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _pty.Dispose(); // makes the blocked master read return 0
        _thread.Join(TimeSpan.FromSeconds(5));
        _toRender.CompleteAdding(); // every page already cut is still delivered
        _renderer.Join(TimeSpan.FromSeconds(30));
    }

    private static void ClearPaperFlags(EscPosInterpreter i)
    {
        i.Condition.PaperOut = false;
        i.Condition.PaperNearEnd = i.Roll.IsNearEnd(0);
    }

    private void Change(Action<EscPosInterpreter> change) => Act(i => { change(i); return []; });

    /// <summary>One step under the lock, its outputs dispatched in order, then the sensors compared.</summary>
    private void Act(Func<EscPosInterpreter, IReadOnlyList<PrinterOutput>> step)
    {
        lock (_sensorGate)
        {
            PrinterSensors now;
            lock (_gate)
            {
                Dispatch(step(_interpreter));
                now = _interpreter.Condition.Sensors;
                if (now == _lastSensors) return;
                _lastSensors = now;
            }
            try { SensorsChanged?.Invoke(now); }
            catch (Exception ex) { Notice(PrinterNoticeKind.InternalError, ex.ToString()); }
        }
    }

    private void Run()
    {
        var buffer = new byte[4096];
        while (!_disposed)
        {
            int n;
            _pty.Master.ReadTimeout = (int)IncompleteCommandTimeout.TotalMilliseconds;
            try { n = _pty.Master.Read(buffer); }
            catch (TimeoutException) { Act(i => i.DropIncomplete()); continue; }
            catch (Exception ex) when (ex is ObjectDisposedException or IOException) { break; }
            if (n == 0) break;
            var bytes = buffer.AsSpan(0, n).ToArray();
            try { Act(_ => Receive(bytes)); }
            catch (Exception ex) when (!_disposed)
            {
                // A background thread must not take the whole simulator down; say so loudly instead.
                Notice(PrinterNoticeKind.InternalError, ex.ToString());
            }
        }
    }

    private List<PrinterOutput> Receive(byte[] bytes)
    {
        var outputs = new List<PrinterOutput>();
        int start = 0;
        if (_bytesUntilJam > 0 && _bytesUntilJam <= bytes.Length)
        {
            start = (int)_bytesUntilJam;
            outputs.AddRange(_interpreter.Feed(bytes.AsSpan(0, start)));
            outputs.AddRange(Jam(_interpreter));
        }
        else if (_bytesUntilJam > 0) _bytesUntilJam -= bytes.Length;
        outputs.AddRange(_interpreter.Feed(bytes.AsSpan(start)));
        return outputs;
    }

    private IReadOnlyList<PrinterOutput> Jam(EscPosInterpreter interpreter)
    {
        _bytesUntilJam = -1;
        return interpreter.Stop(PaperStop.Jam);
    }

    private void Dispatch(IReadOnlyList<PrinterOutput> outputs)
    {
        foreach (var output in outputs)
        {
            switch (output)
            {
                // Real-time: answered at once, whatever the printer is doing.
                case PrinterOutput.Status status: Reply([status.Byte], "status reply"); break;
                case PrinterOutput.Notice notice: Notice(notice.What.Kind, notice.What.Detail); break;
                case PrinterOutput.Page or PrinterOutput.ProcessId:
                    if (!_toRender.IsAddingCompleted) _toRender.Add(output);
                    break;
                default: throw new InvalidOperationException($"unhandled printer output {output.GetType().Name}");
            }
        }
    }

    private void RenderPages()
    {
        foreach (var output in _toRender.GetConsumingEnumerable())
        {
            try
            {
                switch (output)
                {
                    case PrinterOutput.Page page: _sink(PageRenderer.Render(page.Blocks, Width, page.Torn, page.PartialCut)); break;
                    // ESC/POS: the process ID response follows the printing of everything before it.
                    case PrinterOutput.ProcessId processId: Reply(processId.Response, "process ID response"); break;
                }
            }
            catch (Exception ex)
            {
                Notice(PrinterNoticeKind.InternalError, ex.ToString());
            }
        }
    }

    private void Reply(byte[] bytes, string what)
    {
        try { lock (_writeGate) _pty.Master.Write(bytes); }
        catch (TimeoutException) { Notice(PrinterNoticeKind.DataDiscarded, $"{what} dropped: client is not reading"); }
        catch (Exception ex) when (_disposed && ex is ObjectDisposedException or IOException) { /* shutting down */ }
    }

    private void Notice(PrinterNoticeKind kind, string detail)
    {
        try { Noticed?.Invoke(new PrinterNotice(kind, detail)); }
        catch { /* a faulty log handler must not stop the printer */ }
    }
}
