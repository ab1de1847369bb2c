using QRCoder;
using Vmre.HardwareSim.Printer.CodePages;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// The printer's print buffer and modes: turns decoded commands into blocks on the current
/// page. Pure state, no I/O, so it can be tested without a pseudo-terminal.
/// </summary>
public sealed class PageComposer
{
    private readonly List<PageBlock> _blocks = new();
    private readonly List<TextRun> _line = new();
    private TextStyle _style = TextStyle.Plain;
    private Alignment _alignment;
    private int? _lineSpacing;
    private int _codePage = PrinterCodePage.Pc437;
    private int _qrModuleSize = 3;
    private QRCodeGenerator.ECCLevel _qrLevel = QRCodeGenerator.ECCLevel.L;
    private byte[]? _qrData;
    // The print position, in dot rows under the top margin: ESC K moves it back up (issue 9 §3).
    private int _position;

    public PageComposer(PaperWidth width = PaperWidth.Mm80)
    {
        Width = width;
        WidthDots = PaperGeometry.WidthDotsOf(width);
    }

    /// <summary>The roll this composer lays lines out for.</summary>
    public PaperWidth Width { get; }

    /// <summary>Printable dots across the paper.</summary>
    public int WidthDots { get; }

    /// <summary>GS h, GS w, GS H, GS f.</summary>
    public BarcodeSettings Barcode { get; } = new();

    /// <summary>
    /// Paper the current page has used so far (not the unprinted line buffer): down to the lowest
    /// row reached, so paper fed back and printed over again is not counted twice.
    /// </summary>
    public int ComposedHeightDots => _blocks.Count == 0 ? 0 : _blocks.Max(b => b.Bottom);

    /// <summary>Whether the current page holds anything, printed or still in the line buffer.</summary>
    public bool HasUnprinted => _blocks.Count > 0 || _line.Count > 0;

    /// <summary>
    /// ESC @: modes back to power-on values (PC437, font A, default spacing); the unprinted line is
    /// dropped. What is printed stays on the page, held until a cut (issue 9 §3: a restarted
    /// terminal continues on the paper its previous process left at the head).
    /// </summary>
    public void Initialize()
    {
        _line.Clear();
        _style = TextStyle.Plain;
        _alignment = Alignment.Left;
        _lineSpacing = null;
        _codePage = PrinterCodePage.Pc437;
        _qrModuleSize = 3;
        _qrLevel = QRCodeGenerator.ECCLevel.L;
        _qrData = null;
        Barcode.Reset();
    }

    /// <summary>ESC t n. False when the page is not emulated (bytes ≥ 0x80 then print as '?').</summary>
    public bool SelectCodePage(int n)
    {
        _codePage = n;
        return PrinterCodePage.IsEmulated(n);
    }

    public void Align(int n) => _alignment = (n % 48) switch { 1 => Alignment.Center, 2 => Alignment.Right, _ => Alignment.Left };

    /// <summary>ESC E n: only bit 0 counts.</summary>
    public void Bold(int n) => _style = _style with { Bold = (n & 1) == 1 };

    /// <summary>ESC - n: 0 or '0' off, 1 or '1' one dot, 2 or '2' two dots thick.</summary>
    public void Underline(int n) => _style = _style with { UnderlineDots = (n % 48) is 1 or 2 ? n % 48 : 0 };

    /// <summary>GS B n: only bit 0 counts.</summary>
    public void Reverse(int n) => _style = _style with { Reverse = (n & 1) == 1 };

    /// <summary>ESC M n: 0/48 font A, 1/49 font B. False for a font the emulator does not have (kept as it was).</summary>
    public bool SelectFont(int n)
    {
        if (n is not (0 or 1 or 48 or 49)) return false;
        _style = _style with { Font = n % 48 == 0 ? PrintFont.A : PrintFont.B };
        return true;
    }

    /// <summary>ESC ! n: bit 0 font B, bit 3 emphasized, bit 4 double height, bit 5 double width, bit 7 underline.</summary>
    public void PrintMode(int n) => _style = _style with
    {
        Font = (n & 0x01) != 0 ? PrintFont.B : PrintFont.A,
        Bold = (n & 0x08) != 0,
        HeightMultiplier = (n & 0x10) != 0 ? 2 : 1,
        WidthMultiplier = (n & 0x20) != 0 ? 2 : 1,
        UnderlineDots = (n & 0x80) != 0 ? 1 : 0,
    };

    /// <summary>GS ! n: width ×((n&gt;&gt;4)+1), height ×((n&amp;15)+1), each 1..8; others ignored.</summary>
    public void CharacterSize(int n)
    {
        int width = (n >> 4) + 1, height = (n & 15) + 1;
        if (width > 8 || height > 8) return;
        _style = _style with { WidthMultiplier = width, HeightMultiplier = height };
    }

    /// <summary>ESC 3 n: n dots from one line to the next; ESC 2 (null): the default.</summary>
    public void LineSpacing(int? dots) => _lineSpacing = dots;

    public void AddText(ReadOnlySpan<byte> bytes)
    {
        int cell = _style.AdvanceDots;
        foreach (byte b in bytes)
        {
            // Like a real printer, a line that reaches the right edge is printed and wrapped.
            if (CurrentLineWidth() + cell > WidthDots) CommitLine();
            AppendChar(PrinterCodePage.Decode(_codePage, b));
        }
    }

    /// <summary>LF: print the line (an empty one is a blank line) and advance.</summary>
    public void LineFeed() => CommitLine();

    /// <summary>ESC d n: print the buffer, then feed n lines.</summary>
    public void FeedLines(int n)
    {
        if (_line.Count > 0) CommitLine();
        if (n > 0) Place(new FeedBlock(n * (_lineSpacing ?? PaperGeometry.LineSpacing)));
    }

    /// <summary>ESC J n: print the buffer, then feed n dots.</summary>
    public void FeedDots(int n)
    {
        if (_line.Count > 0) CommitLine();
        if (n > 0) Place(new FeedBlock(n));
    }

    /// <summary>
    /// ESC K n: print the buffer, then feed the paper back n dot rows. The paper above the last
    /// cut is gone, so the position stops at the top of the uncut page (issue 9 §3); what prints
    /// next is drawn over what is there.
    /// </summary>
    public void ReverseFeedDots(int n)
    {
        if (_line.Count > 0) CommitLine();
        _position = Math.Max(0, _position - n);
    }

    public void QrModuleSize(int n) { if (n is >= 1 and <= 16) _qrModuleSize = n; }

    public void QrErrorCorrection(int n)
    {
        if (n is < 48 or > 51) return;
        _qrLevel = (QRCodeGenerator.ECCLevel)(n - 48); // QRCoder orders L, M, Q, H as 0..3 too
    }

    public void QrStore(byte[] data) => _qrData = data;

    /// <summary>GS ( k fn 81. False when nothing was stored or the data does not fit a QR symbol.</summary>
    public bool PrintQr()
    {
        if (_qrData is not { Length: > 0 } data) return false;
        if (_line.Count > 0) CommitLine();
        var block = new QrBlock(data, _qrLevel, _qrModuleSize, _alignment, WidthDots);
        try { _ = block.Modules; }
        catch (QRCoder.Exceptions.DataTooLongException) { return false; }
        Place(block);
        return true;
    }

    /// <summary>GS k m d…: null when printed, else why the printer ignored it (bad data, wider than the paper).</summary>
    public string? PrintBarcode(int symbology, byte[] data)
    {
        if (BarcodeSymbol.Encode(symbology, data, out string why) is not { } symbol) return why;
        var block = new BarcodeBlock(symbol, Barcode.ModuleWidth, Barcode.HeightDots, Barcode.Hri, Barcode.HriFont, _alignment);
        if (block.WidthDots > WidthDots) return $"GS k {symbology}: {block.WidthDots} dots wide, wider than the paper";
        if (_line.Count > 0) CommitLine();
        Place(block);
        return null;
    }

    /// <summary>GS V: everything up to here is the cut page; a new page starts.</summary>
    public IReadOnlyList<PageBlock> Cut(int feedDots)
    {
        if (_line.Count > 0) CommitLine();
        if (feedDots > 0) Place(new FeedBlock(feedDots));
        return TakePage();
    }

    /// <summary>
    /// The paper stopped mid-page (jam, roll end): what was printed so far comes out, torn; the
    /// unprinted line buffer is lost with the rest of the job. Modes stay as they were.
    /// </summary>
    public IReadOnlyList<PageBlock> TearOff()
    {
        _line.Clear();
        return TakePage();
    }

    /// <summary>
    /// Everything still in the printer, the unprinted line included, without a cut: for
    /// rendering a captured stream whose last page was never cut.
    /// </summary>
    public IReadOnlyList<PageBlock> TakeUncut()
    {
        if (_line.Count > 0) CommitLine();
        return TakePage();
    }

    private IReadOnlyList<PageBlock> TakePage()
    {
        var page = _blocks.ToArray();
        _blocks.Clear();
        _position = 0;
        return page;
    }

    /// <summary>Puts the block at the print position and moves the position under it.</summary>
    private void Place(PageBlock block)
    {
        _blocks.Add(block with { Top = _position });
        _position += block.HeightDots;
    }

    private int CurrentLineWidth() => _line.Sum(r => r.WidthDots);

    private void AppendChar(char c)
    {
        if (_line.Count > 0 && _line[^1].Style == _style)
            _line[^1] = _line[^1] with { Text = _line[^1].Text + c };
        else
            _line.Add(new TextRun(c.ToString(), _style));
    }

    private void CommitLine()
    {
        // Alignment and spacing are those in force when the line is printed (ESC/POS applies them per line).
        Place(new TextLineBlock(_line.ToArray(), _alignment, _lineSpacing));
        _line.Clear();
    }
}
