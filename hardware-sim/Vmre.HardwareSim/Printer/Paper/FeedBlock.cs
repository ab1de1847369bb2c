namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>Blank paper advanced by ESC d or the feed of GS V 65/66.</summary>
public sealed record FeedBlock(int Dots) : PageBlock
{
    public override int HeightDots => Dots;
}
