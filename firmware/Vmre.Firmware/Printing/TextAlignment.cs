namespace Vmre.Firmware.Printing
{
    /// <summary>ESC a n justification; the values are the n the printer expects.</summary>
    public enum TextAlignment
    {
        Left = 0,
        Center = 1,
        Right = 2
    }
}
