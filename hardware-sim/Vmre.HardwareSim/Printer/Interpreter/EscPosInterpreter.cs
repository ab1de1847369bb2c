using Vmre.HardwareSim.Printer.EscPos;
using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.HardwareSim.Printer.Interpreter;

/// <summary>
/// The printer's logic without its serial line or threads: bytes → commands → pages, status
/// and process ID replies, notices. The emulator runs every received byte through one of these
/// (one code path, BRIEF §4); a technician renders a captured stream with <see cref="RenderAll"/>.
/// Never throws on any byte input: what it cannot act on becomes a notice. Not thread-safe:
/// the emulator calls it under its own lock.
/// </summary>
public sealed class EscPosInterpreter
{
    private readonly EscPosReader _reader = new();
    private readonly PageComposer _composer;
    private readonly List<EscPosCommand> _commands = new();
    private List<PrinterOutput> _output = new();
    // Process ID requests promise "everything before me is printed": after any loss that promise
    // cannot be kept until the host starts over (ESC @).
    private bool _discardedSinceAcknowledged;

    public EscPosInterpreter(PaperWidth width = PaperWidth.Mm80)
    {
        Width = width;
        _composer = new PageComposer(width);
    }

    public PaperWidth Width { get; }

    /// <summary>The mechanical state (paper, cover, jam, offline); the emulator's fault controls change it.</summary>
    public PrinterCondition Condition { get; } = new();

    /// <summary>The loaded roll; unlimited unless the emulator loads a finite one.</summary>
    public PaperRoll Roll { get; set; } = PaperRoll.Unlimited();

    /// <summary>Bytes held back waiting for the end of a command.</summary>
    public int Pending => _reader.Pending;

    /// <summary>Interprets the bytes; an incomplete trailing command waits for the next call.</summary>
    public IReadOnlyList<PrinterOutput> Feed(ReadOnlySpan<byte> bytes)
    {
        _commands.Clear();
        _reader.Feed(bytes, _commands);
        foreach (var command in _commands) Execute(command);
        return Flush();
    }

    /// <summary>Forgets a half-received command after silence (a corrupted length must not wedge the printer).</summary>
    public IReadOnlyList<PrinterOutput> DropIncomplete()
    {
        if (_reader.Pending > 0)
        {
            Notice(PrinterNoticeKind.UnknownCommand, $"incomplete command dropped after silence ({_reader.Pending} bytes)");
            _reader.Reset();
        }
        return Flush();
    }

    /// <summary>
    /// The paper stops mid-job (jam at the cutter, or the roll sensor reports paper end). What
    /// already printed is torn off and comes out; the unprinted rest of the job is lost.
    /// </summary>
    public IReadOnlyList<PrinterOutput> Stop(PaperStop stop)
    {
        switch (stop)
        {
            case PaperStop.Jam:
                Condition.Jammed = true;
                Notice(PrinterNoticeKind.Jammed, "paper jammed at the cutter");
                break;
            case PaperStop.PaperOut:
                Condition.PaperOut = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stop), stop, "not a paper stop");
        }
        if (_composer.HasUnprinted) TearOff(_composer.TearOff(), stop == PaperStop.Jam ? "paper jam" : "paper out");
        return Flush();
    }

    /// <summary>What is still in the printer, never cut (the unprinted line included); empty if nothing.</summary>
    public IReadOnlyList<PageBlock> TakeUncut() => _composer.TakeUncut();

    /// <summary>
    /// Renders a captured ESC/POS stream: every cut page, then whatever printed after the last
    /// cut as a last page (a technician wants to see everything). Blank paper fed after the last
    /// cut (drivers end with LF) is no page: it is the top of the next ticket. Replies are not
    /// sent anywhere.
    /// </summary>
    public static IReadOnlyList<PrintedPaper> RenderAll(byte[] escPos, PaperWidth width, out IReadOnlyList<PrinterNotice> notices)
    {
        var interpreter = new EscPosInterpreter(width);
        var papers = new List<PrintedPaper>();
        var said = new List<PrinterNotice>();
        foreach (var output in interpreter.Feed(escPos))
        {
            if (output is PrinterOutput.Page page) papers.Add(PageRenderer.Render(page.Blocks, width, page.Torn, page.PartialCut));
            else if (output is PrinterOutput.Notice notice) said.Add(notice.What);
        }
        if (interpreter.Pending > 0)
            said.Add(new PrinterNotice(PrinterNoticeKind.UnknownCommand, $"stream ends inside a command ({interpreter.Pending} bytes)"));
        var rest = interpreter.TakeUncut();
        if (rest.Any(b => b.Inked)) papers.Add(PageRenderer.Render(rest, width));
        notices = said;
        return papers;
    }

    private void Execute(EscPosCommand command)
    {
        bool printing = EscPosCommandRole.IsPrinting(command.Kind);
        if (printing && !Condition.CanPrint)
        {
            _discardedSinceAcknowledged = true;
            Notice(PrinterNoticeKind.DataDiscarded, $"{EscPosCommandRole.Describe(command)} discarded: {Condition.WhyNotPrinting}");
            return;
        }
        Apply(command);
        if (printing && !EscPosCommandRole.IsCut(command.Kind)) CheckRollMidPage();
    }

    private void Apply(EscPosCommand command)
    {
        if (ModeCommands.Handles(command.Kind))
        {
            if (ModeCommands.Apply(_composer, command) is { } notice) Notice(PrinterNoticeKind.UnknownCommand, notice);
            return;
        }
        switch (command.Kind)
        {
            case EscPosCommandKind.StatusRequest: Emit(new PrinterOutput.Status(Condition.StatusByte(command.Value))); break;
            case EscPosCommandKind.TransmitStatus:
                if (command.Value is 1 or 2 or 49 or 50) Emit(new PrinterOutput.Status(Condition.TransmittedStatus(command.Value)));
                else Notice(PrinterNoticeKind.UnknownCommand, $"GS r {command.Value}: no such status");
                break;
            case EscPosCommandKind.Initialize:
                _composer.Initialize();
                _discardedSinceAcknowledged = false;
                break;
            case EscPosCommandKind.QrPrint:
                if (!_composer.PrintQr())
                    Notice(PrinterNoticeKind.UnknownCommand, "GS ( k print: no QR data stored, or too long for a QR symbol");
                break;
            case EscPosCommandKind.Barcode:
                if (_composer.PrintBarcode(command.Value, command.Data ?? []) is { } refused)
                    Notice(PrinterNoticeKind.UnknownCommand, refused + "; not printed");
                break;
            case EscPosCommandKind.Cut: DeliverCut(_composer.Cut(command.Value), partial: false); break;
            case EscPosCommandKind.PartialCut: DeliverCut(_composer.Cut(command.Value), partial: true); break;
            case EscPosCommandKind.Unknown: Notice(PrinterNoticeKind.UnknownCommand, command.Description ?? "unknown command"); break;
            case EscPosCommandKind.ProcessIdRequest: AnswerProcessId(command.Data ?? []); break;
            default: Notice(PrinterNoticeKind.UnknownCommand, command.Kind.ToString()); break;
        }
    }

    private void AnswerProcessId(byte[] digits)
    {
        string? why = !Condition.CanPrint ? Condition.WhyNotPrinting
            : _discardedSinceAcknowledged ? "print data was discarded since the last answered request or ESC @"
            : null;
        if (why is not null)
        {
            Notice(PrinterNoticeKind.ProcessIdDropped, $"process ID request dropped: {why}");
            return;
        }
        Emit(new PrinterOutput.ProcessId([0x37, 0x22, .. digits, 0x00]));
    }

    private void DeliverCut(IReadOnlyList<PageBlock> page, bool partial)
    {
        int height = PageRenderer.HeightDots(page);
        if (!Roll.Fits(height)) { RollEnds(page); return; }
        Roll.Consume(height);
        if (Roll.IsNearEnd(0)) Condition.PaperNearEnd = true;
        Emit(new PrinterOutput.Page(page, Torn: false, partial));
    }

    private void CheckRollMidPage()
    {
        long pending = PaperGeometry.Margin * 2L + _composer.ComposedHeightDots;
        if (!Roll.Fits(pending)) RollEnds(_composer.TearOff());
        else if (Roll.IsNearEnd(pending)) Condition.PaperNearEnd = true;
    }

    /// <summary>The roll ends inside this page: the part that fits printed, the rest is lost.</summary>
    private void RollEnds(IReadOnlyList<PageBlock> page)
    {
        long room = (Roll.RemainingDots ?? long.MaxValue) - PaperGeometry.Margin * 2L;
        var printed = new List<PageBlock>();
        foreach (var block in page)
        {
            if (block.Bottom > room) break;
            printed.Add(block);
        }
        (Condition.PaperOut, Condition.PaperNearEnd) = (true, true);
        Notice(PrinterNoticeKind.PaperOut, $"paper roll ended mid-page after {printed.Count} of {page.Count} blocks");
        TearOff(printed, "paper out");
        Roll.RunOut();
    }

    private void TearOff(IReadOnlyList<PageBlock> printed, string why)
    {
        _discardedSinceAcknowledged = true;
        if (printed.Count == 0) return;
        Roll.Consume(PageRenderer.HeightDots(printed));
        Notice(PrinterNoticeKind.DataDiscarded, $"page torn off at {why}: {printed.Count} blocks printed, the rest of the job discarded");
        Emit(new PrinterOutput.Page(printed, Torn: true));
    }

    private void Emit(PrinterOutput output) => _output.Add(output);

    private void Notice(PrinterNoticeKind kind, string detail) => Emit(new PrinterOutput.Notice(new PrinterNotice(kind, detail)));

    private List<PrinterOutput> Flush()
    {
        var done = _output;
        _output = new List<PrinterOutput>();
        return done;
    }
}
