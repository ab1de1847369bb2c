namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// Which printed blocks a later solid black band hides. A voided testigo is fed back and its
/// selection printed over with reverse-video lines of spaces (issue 9 §2-3): a person can no
/// longer read what lies under the band, so neither may <see cref="PrintedPaper.Text"/> nor
/// <see cref="PrintedPaper.QrPayloads"/>. Decided by geometry: a block is hidden when every dot
/// of its printed area is under reverse-video cells printed after it.
/// </summary>
internal static class Overprint
{
    /// <returns>For each block, whether later reverse-video cells cover it whole.</returns>
    public static bool[] Hidden(IReadOnlyList<PageBlock> blocks, int paperDots)
    {
        var hidden = new bool[blocks.Count];
        int rows = blocks.Count == 0 ? 0 : blocks.Max(b => b.Bottom);
        // Dots blackened by the bands printed after the block being looked at: walking the blocks
        // from the last printed to the first keeps the cost to one pass over each block's area.
        var black = new bool[rows * paperDots];
        for (int i = blocks.Count - 1; i >= 0; i--)
        {
            hidden[i] = Covers(black, paperDots, PrintedArea(blocks[i], paperDots));
            foreach (var band in BlackCells(blocks[i], paperDots)) Blacken(black, paperDots, band);
        }
        return hidden;
    }

    /// <summary>The cells a reverse-video run heats whole (white glyphs on a space are none).</summary>
    private static IEnumerable<Area> BlackCells(PageBlock block, int paperDots)
    {
        if (block is not TextLineBlock line) yield break;
        float x = PageRenderer.StartX(line.Alignment, line.WidthDots, paperDots);
        int bottom = line.Top + line.TallestDots;
        foreach (var run in line.Runs)
        {
            // A reverse run of letters leaves their glyphs white (readable); only spaces are solid.
            if (run.Style.Reverse && run.Text.All(c => c == ' '))
                yield return new Area((int)x, (int)x + run.WidthDots, bottom - run.HeightDots, bottom);
            x += run.WidthDots;
        }
    }

    /// <summary>Where a block can put ink; a blank line is its whole height across the paper.</summary>
    private static Area PrintedArea(PageBlock block, int paperDots) => block switch
    {
        TextLineBlock { Runs.Count: > 0 } line => Across(line.Alignment, line.WidthDots, paperDots, line.Top, line.Top + line.TallestDots),
        QrBlock qr => Inset(Across(qr.Alignment, qr.SideDots, paperDots, qr.Top, qr.Bottom), PaperGeometry.QuietZoneModules * qr.EffectiveModuleSize),
        BarcodeBlock barcode => Across(barcode.Alignment, barcode.WidthDots, paperDots, barcode.Top, barcode.Bottom),
        _ => new Area(0, paperDots, block.Top, block.Bottom),
    };

    private static Area Across(Alignment alignment, int width, int paperDots, int top, int bottom)
    {
        int left = (int)PageRenderer.StartX(alignment, width, paperDots);
        return new Area(left, Math.Min(paperDots, left + width), top, bottom);
    }

    // A QR's quiet zone is blank paper: only its modules need covering.
    private static Area Inset(Area a, int by) => new(a.Left + by, a.Right - by, a.Top + by, a.Bottom - by);

    private static bool Covers(bool[] black, int paperDots, Area area)
    {
        if (area.Left >= area.Right || area.Top >= area.Bottom) return false;
        for (int y = area.Top; y < area.Bottom; y++)
            for (int x = Math.Max(0, area.Left); x < Math.Min(paperDots, area.Right); x++)
                if (!black[y * paperDots + x]) return false; // a dot of it still shows
        return true;
    }

    private static void Blacken(bool[] black, int paperDots, Area band)
    {
        for (int y = band.Top; y < band.Bottom; y++)
            for (int x = Math.Max(0, band.Left); x < Math.Min(paperDots, band.Right); x++)
                black[y * paperDots + x] = true;
    }

    private readonly record struct Area(int Left, int Right, int Top, int Bottom);
}
