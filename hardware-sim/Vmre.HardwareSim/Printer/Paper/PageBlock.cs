namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// Something printed across the paper. Blocks are kept in the order received (the order the
/// head heated them: a later block is drawn over an earlier one, black wins) and each knows
/// where it landed, because ESC K can move the paper back (issue 9 §3).
/// </summary>
public abstract record PageBlock
{
    public abstract int HeightDots { get; }

    /// <summary>Whether the block heats any dot; blank feeds do not.</summary>
    public virtual bool Inked => true;

    /// <summary>Dot rows from the top of the page's printable area (under the top margin) to this block's top.</summary>
    public int Top { get; init; }

    /// <summary>The first dot row below this block.</summary>
    public int Bottom => Top + HeightDots;
}
