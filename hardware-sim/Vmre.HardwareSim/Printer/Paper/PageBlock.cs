namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>Something printed across the paper, top to bottom, in the order received.</summary>
public abstract record PageBlock
{
    public abstract int HeightDots { get; }

    /// <summary>Whether the block heats any dot; blank feeds do not.</summary>
    public virtual bool Inked => true;
}
