namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>Blank paper advanced by ESC d, ESC J or the feed of GS V 65/66.</summary>
public sealed record FeedBlock(int Dots) : PageBlock
{
    public override int HeightDots => Dots;

    public override bool Inked => false;
}
