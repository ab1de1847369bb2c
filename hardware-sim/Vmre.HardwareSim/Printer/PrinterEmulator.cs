using Vmre.HardwareSim.Printer.EscPos;
using Vmre.HardwareSim.Printer.Paper;
using Vmre.HardwareSim.Pty;

namespace Vmre.HardwareSim.Printer;

/// <summary>
/// An 80 mm, 203 dpi ESC/POS thermal printer at the far end of a pseudo-terminal. The
/// terminal opens <see cref="SlavePath"/> with System.IO.Ports as it would a real printer
/// (BRIEF §4, one code path); each cut hands the page, rendered to PNG, to the sink.
/// </summary>
public sealed class PrinterEmulator : IDisposable
{
    private readonly PseudoTerminal _pty = new();
    private readonly Action<PrintedPaper> _sink;
    private readonly EscPosReader _reader = new();
    private readonly PageComposer _composer = new();
    private readonly PrinterCondition _condition = new();
    private readonly object _gate = new();
    private readonly Thread _thread;
    // Real-time status requests are answered as bytes arrive, as a real printer does: the slow
    // part (drawing the paper) happens on its own thread, in cut order.
    private readonly System.Collections.Concurrent.BlockingCollection<IReadOnlyList<PageBlock>> _toRender = new();
    private readonly Thread _renderer;
    private long _bytesUntilJam = -1;
    private volatile bool _disposed;

    public PrinterEmulator(Action<PrintedPaper> sink)
    {
        _sink = sink;
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

    /// <summary>The serial device path the terminal opens, e.g. /dev/pts/7.</summary>
    public string SlavePath => _pty.SlavePath;

    /// <summary>Unknown commands, discarded data, jams and internal errors, for the simulator's log.</summary>
    public event Action<PrinterNotice>? Noticed;

    public bool IsPaperOut { get { lock (_gate) return _condition.PaperOut; } }
    public bool IsOffline { get { lock (_gate) return _condition.Offline; } }
    public bool IsCoverOpen { get { lock (_gate) return _condition.CoverOpen; } }
    public bool IsJammed { get { lock (_gate) return _condition.Jammed; } }

    /// <summary>The answer a DLE EOT n request would get now (n = 1..4).</summary>
    public byte StatusByte(int n) { lock (_gate) return _condition.StatusByte(n); }

    public void PaperOut() => Change(c => c.PaperOut = true);
    public void PaperLoaded() => Change(c => { c.PaperOut = false; c.PaperNearEnd = false; });
    public void PaperNearEnd() => Change(c => c.PaperNearEnd = true);
    public void GoOffline() => Change(c => c.Offline = true);
    public void GoOnline() => Change(c => c.Offline = false);
    public void OpenCover() => Change(c => c.CoverOpen = true);
    public void CloseCover() => Change(c => c.CoverOpen = false);
    public void ClearJam() => Change(c => { c.Jammed = false; _bytesUntilJam = -1; });

    /// <summary>Arms a paper jam after <paramref name="n"/> more received bytes; 0 jams now.</summary>
    public void JamAfterBytes(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        lock (_gate) { if (n == 0) Jam(); else _bytesUntilJam = n; }
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

    private void Change(Action<PrinterCondition> change) { lock (_gate) change(_condition); }
    private void Run()
    {
        var buffer = new byte[4096];
        while (!_disposed)
        {
            int n;
            _pty.Master.ReadTimeout = (int)IncompleteCommandTimeout.TotalMilliseconds;
            try { n = _pty.Master.Read(buffer); }
            catch (TimeoutException) { DropIncompleteCommand(); continue; }
            catch (Exception ex) when (ex is ObjectDisposedException or IOException) { break; }
            if (n == 0) break;
            try
            {
                foreach (var page in Receive(buffer.AsSpan(0, n))) _toRender.Add(page);
            }
            catch (Exception ex) when (!_disposed)
            {
                // A background thread must not take the whole simulator down; say so loudly instead.
                Notice(PrinterNoticeKind.InternalError, ex.ToString());
            }
        }
    }

    private void RenderPages()
    {
        foreach (var page in _toRender.GetConsumingEnumerable())
        {
            try { _sink(PageRenderer.Render(page)); }
            catch (Exception ex)
            {
                Notice(PrinterNoticeKind.InternalError, ex.ToString());
            }
        }
    }

    private List<IReadOnlyList<PageBlock>> Receive(ReadOnlySpan<byte> bytes)
    {
        var pages = new List<IReadOnlyList<PageBlock>>();
        var commands = new List<EscPosCommand>();
        lock (_gate)
        {
            if (_bytesUntilJam > 0 && _bytesUntilJam <= bytes.Length)
            {
                int before = (int)_bytesUntilJam;
                _reader.Feed(bytes[..before], commands);
                Execute(commands, pages);
                commands.Clear();
                Jam();
                bytes = bytes[before..];
            }
            else if (_bytesUntilJam > 0) _bytesUntilJam -= bytes.Length;
            _reader.Feed(bytes, commands);
            Execute(commands, pages);
        }
        return pages;
    }

    private void DropIncompleteCommand()
    {
        lock (_gate)
        {
            if (_reader.Pending == 0) return;
            Notice(PrinterNoticeKind.UnknownCommand, $"incomplete command dropped after silence ({_reader.Pending} bytes)");
            _reader.Reset();
        }
    }

    private void Jam()
    {
        (_bytesUntilJam, _condition.Jammed) = (-1, true);
        Notice(PrinterNoticeKind.Jammed, "paper jammed at the cutter");
    }

    private void Execute(List<EscPosCommand> commands, List<IReadOnlyList<PageBlock>> pages)
    {
        foreach (var command in commands)
        {
            if (IsPrinting(command.Kind) && !_condition.CanPrint)
            {
                Notice(PrinterNoticeKind.DataDiscarded, $"{Describe(command)} discarded: {_condition.WhyNotPrinting}");
                continue;
            }
            Apply(command, pages);
        }
    }

    private void Apply(EscPosCommand command, List<IReadOnlyList<PageBlock>> pages)
    {
        switch (command.Kind)
        {
            case EscPosCommandKind.StatusRequest:
                // Real-time: answered at once, whatever the printer is doing.
                try { _pty.Master.Write([_condition.StatusByte(command.Value)]); }
                catch (TimeoutException) { Notice(PrinterNoticeKind.DataDiscarded, "status reply dropped: client is not reading"); }
                break;
            case EscPosCommandKind.Text: _composer.AddText(command.Data); break;
            case EscPosCommandKind.LineFeed: _composer.LineFeed(); break;
            case EscPosCommandKind.Initialize: _composer.Initialize(); break;
            case EscPosCommandKind.SelectCodePage:
                if (!_composer.SelectCodePage(command.Value))
                    Notice(PrinterNoticeKind.UnknownCommand, $"ESC t {command.Value}: code page not emulated, bytes >= 0x80 print as '?'");
                break;
            case EscPosCommandKind.Align: _composer.Align(command.Value); break;
            case EscPosCommandKind.Bold: _composer.Bold(command.Value); break;
            case EscPosCommandKind.PrintMode: _composer.PrintMode(command.Value); break;
            case EscPosCommandKind.CharacterSize: _composer.CharacterSize(command.Value); break;
            case EscPosCommandKind.FeedLines: _composer.FeedLines(command.Value); break;
            case EscPosCommandKind.QrModel or EscPosCommandKind.CarriageReturn: break; // model 2 only; CR ignored
            case EscPosCommandKind.QrModuleSize: _composer.QrModuleSize(command.Value); break;
            case EscPosCommandKind.QrErrorCorrection: _composer.QrErrorCorrection(command.Value); break;
            case EscPosCommandKind.QrStore: _composer.QrStore(command.Data ?? []); break;
            case EscPosCommandKind.QrPrint:
                if (!_composer.PrintQr())
                    Notice(PrinterNoticeKind.UnknownCommand, "GS ( k print: no QR data stored, or too long for a QR symbol");
                break;
            case EscPosCommandKind.Cut: pages.Add(_composer.Cut(command.Value)); break;
            default: Notice(PrinterNoticeKind.UnknownCommand, command.Description ?? command.Kind.ToString()); break;
        }
    }

    private static bool IsPrinting(EscPosCommandKind kind) => kind is EscPosCommandKind.Text
        or EscPosCommandKind.LineFeed or EscPosCommandKind.FeedLines or EscPosCommandKind.QrPrint or EscPosCommandKind.Cut;
    // Never the text itself: a testigo's content is a vote (BRIEF §3 rule 3, logs never hold selections).
    private static string Describe(EscPosCommand command) =>
        command.Data is { } data ? $"{command.Kind} ({data.Length} bytes)" : command.Kind.ToString();

    private void Notice(PrinterNoticeKind kind, string detail)
    {
        try { Noticed?.Invoke(new PrinterNotice(kind, detail)); }
        catch { /* a faulty log handler must not stop the printer */ }
    }
}
