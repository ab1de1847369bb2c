using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.HardwareSim.Printer;

/// <summary>
/// The thermal roll in the printer, measured in dot rows at 203 dpi. Every rendered row of a
/// page (margins included) uses one row of paper. The default roll is unlimited, as the
/// emulator always was; <see cref="Of"/> makes a finite one for paper-out scenarios.
/// </summary>
public sealed class PaperRoll
{
    private PaperRoll(long? lengthDots, long nearEndDots)
    {
        LengthDots = lengthDots;
        RemainingDots = lengthDots;
        NearEndDots = nearEndDots;
    }

    /// <summary>A roll that never ends.</summary>
    public static PaperRoll Unlimited() => new(null, 0);

    /// <summary>A roll of <paramref name="lengthMm"/>, near its end below <paramref name="nearEndMm"/>.</summary>
    public static PaperRoll Of(int lengthMm, int nearEndMm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lengthMm);
        ArgumentOutOfRangeException.ThrowIfNegative(nearEndMm);
        return new PaperRoll(PaperGeometry.DotRowsIn(lengthMm), PaperGeometry.DotRowsIn(nearEndMm));
    }

    /// <summary>Null for an unlimited roll.</summary>
    public long? LengthDots { get; }

    /// <summary>Null for an unlimited roll.</summary>
    public long? RemainingDots { get; private set; }

    public long NearEndDots { get; }

    /// <summary>Null for an unlimited roll.</summary>
    public int? RemainingMm => RemainingDots is { } dots ? (int)((dots * 254 + PaperGeometry.DotsPerInch * 5) / (PaperGeometry.DotsPerInch * 10)) : null;

    public bool Fits(long dots) => RemainingDots is not { } left || dots <= left;

    /// <summary>Whether the roll is below its near-end mark once <paramref name="pendingDots"/> more are used.</summary>
    public bool IsNearEnd(long pendingDots) => RemainingDots is { } left && left - pendingDots < NearEndDots;

    /// <summary>The printer stopped at the roll's end: whatever tail is left cannot be printed on.</summary>
    public void RunOut() => RemainingDots = RemainingDots is null ? null : 0;

    public void Consume(long dots)
    {
        if (RemainingDots is { } left) RemainingDots = Math.Max(0, left - dots);
    }

    /// <summary>A fresh roll of the same length (the official loads a new one).</summary>
    public PaperRoll Refilled() => new(LengthDots, NearEndDots);
}
