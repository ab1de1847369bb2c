using QRCoder;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// The printer's print buffer and modes: turns decoded commands into blocks on the current
/// page. Pure state, no I/O, so it can be tested without a pseudo-terminal.
/// </summary>
public sealed class PageComposer
{
    private readonly List<PageBlock> _blocks = new();
    private readonly List<TextRun> _line = new();
    private bool _bold;
    private int _underline;
    private int _widthMultiplier = 1, _heightMultiplier = 1;
    private Alignment _alignment;
    private int _codePage;
    private int _qrModuleSize = 3;
    private QRCodeGenerator.ECCLevel _qrLevel = QRCodeGenerator.ECCLevel.L;
    private byte[]? _qrData;

    public PageComposer(PaperWidth width = PaperWidth.Mm80)
    {
        Width = width;
        WidthDots = PaperGeometry.WidthDotsOf(width);
    }

    /// <summary>The roll this composer lays lines out for.</summary>
    public PaperWidth Width { get; }

    /// <summary>Printable dots across the paper.</summary>
    public int WidthDots { get; }

    /// <summary>Height of the lines and symbols printed on the current page so far (not the unprinted line buffer).</summary>
    public int ComposedHeightDots => _blocks.Sum(b => b.HeightDots);

    /// <summary>Whether the current page holds anything, printed or still in the line buffer.</summary>
    public bool HasUnprinted => _blocks.Count > 0 || _line.Count > 0;

    /// <summary>ESC @: modes back to power-on values; the unprinted line is dropped.</summary>
    public void Initialize()
    {
        _line.Clear();
        _bold = false;
        _underline = 0;
        _widthMultiplier = _heightMultiplier = 1;
        _alignment = Alignment.Left;
        _codePage = 0;
        _qrModuleSize = 3;
        _qrLevel = QRCodeGenerator.ECCLevel.L;
        _qrData = null;
    }

    /// <summary>ESC t n. False when the page is not emulated (bytes ≥ 0x80 then print as '?').</summary>
    public bool SelectCodePage(int n)
    {
        _codePage = n;
        return n is 2 or 19;
    }

    public void Align(int n) => _alignment = (n % 48) switch { 1 => Alignment.Center, 2 => Alignment.Right, _ => Alignment.Left };

    /// <summary>ESC E n: only bit 0 counts.</summary>
    public void Bold(int n) => _bold = (n & 1) == 1;

    /// <summary>ESC - n: 0 or '0' off, 1 or '1' one dot, 2 or '2' two dots thick.</summary>
    public void Underline(int n) => _underline = (n % 48) is 1 or 2 ? n % 48 : 0;

    /// <summary>ESC ! n: bit 3 emphasized, bit 4 double height, bit 5 double width.</summary>
    public void PrintMode(int n)
    {
        _bold = (n & 0x08) != 0;
        _heightMultiplier = (n & 0x10) != 0 ? 2 : 1;
        _widthMultiplier = (n & 0x20) != 0 ? 2 : 1;
    }

    /// <summary>GS ! n: width ×((n&gt;&gt;4)+1), height ×((n&amp;15)+1), each 1..8; others ignored.</summary>
    public void CharacterSize(int n)
    {
        int width = (n >> 4) + 1, height = (n & 15) + 1;
        if (width > 8 || height > 8) return;
        _widthMultiplier = width;
        _heightMultiplier = height;
    }

    public void AddText(ReadOnlySpan<byte> bytes)
    {
        int cell = PaperGeometry.CellWidth * _widthMultiplier;
        foreach (byte b in bytes)
        {
            // Like a real printer, a line that reaches the right edge is printed and wrapped.
            if (CurrentLineWidth() + cell > WidthDots) CommitLine();
            AppendChar(Decode(b));
        }
    }

    /// <summary>LF: print the line (an empty one is a blank line) and advance.</summary>
    public void LineFeed() => CommitLine();

    /// <summary>ESC d n: print the buffer, then feed n lines.</summary>
    public void FeedLines(int n)
    {
        if (_line.Count > 0) CommitLine();
        if (n > 0) _blocks.Add(new FeedBlock(n * PaperGeometry.LineSpacing));
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
        _blocks.Add(block);
        return true;
    }

    /// <summary>GS V: everything up to here is the cut page; a new page starts.</summary>
    public IReadOnlyList<PageBlock> Cut(int feedDots)
    {
        if (_line.Count > 0) CommitLine();
        if (feedDots > 0) _blocks.Add(new FeedBlock(feedDots));
        var page = _blocks.ToArray();
        _blocks.Clear();
        return page;
    }

    /// <summary>
    /// The paper stopped mid-page (jam, roll end): what was printed so far comes out, torn; the
    /// unprinted line buffer is lost with the rest of the job. Modes stay as they were.
    /// </summary>
    public IReadOnlyList<PageBlock> TearOff()
    {
        _line.Clear();
        var printed = _blocks.ToArray();
        _blocks.Clear();
        return printed;
    }

    /// <summary>
    /// Everything still in the printer, the unprinted line included, without a cut: for
    /// rendering a captured stream whose last page was never cut.
    /// </summary>
    public IReadOnlyList<PageBlock> TakeUncut()
    {
        if (_line.Count > 0) CommitLine();
        var rest = _blocks.ToArray();
        _blocks.Clear();
        return rest;
    }

    private char Decode(byte b) => b < 0x80 ? (char)b : _codePage switch
    {
        19 => CodePage858.Decode(b),
        2 => b == 0xD5 ? 'ı' : CodePage858.Decode(b),
        _ => '?',
    };

    private int CurrentLineWidth() => _line.Sum(r => r.WidthDots);

    private void AppendChar(char c)
    {
        if (_line.Count > 0)
        {
            var last = _line[^1];
            if (last.Bold == _bold && last.WidthMultiplier == _widthMultiplier && last.HeightMultiplier == _heightMultiplier && last.UnderlineDots == _underline)
            {
                _line[^1] = last with { Text = last.Text + c };
                return;
            }
        }
        _line.Add(new TextRun(c.ToString(), _bold, _widthMultiplier, _heightMultiplier, _underline));
    }

    private void CommitLine()
    {
        // Alignment is the one in force when the line is printed (ESC/POS applies ESC a per line).
        _blocks.Add(new TextLineBlock(_line.ToArray(), _alignment));
        _line.Clear();
    }
}
