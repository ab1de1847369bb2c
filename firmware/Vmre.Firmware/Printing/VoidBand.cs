namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// A solid black band: full lines of spaces in reverse video (GS B 1) at a line spacing of
    /// the font's height (ESC 3 24), so the lines touch and no row of the testigo under it
    /// stays readable (issue 9 point 1). Modes restored after (GS B 0, ESC 2).
    /// </summary>
    internal static class VoidBand
    {
        /// <summary>Font A cell height: one band line covers exactly this many dot rows.</summary>
        public const int LineDots = 24;

        public static void Print(EscPosWriter w, int dots)
        {
            string spaces = new string(' ', EscPosWriter.Columns);
            int lines = (dots + LineDots - 1) / LineDots;
            w.Align(TextAlignment.Left).Size(1, 1).LineSpacing(LineDots).ReverseVideo(true);
            for (int i = 0; i < lines; i++) w.Line(spaces);
            w.ReverseVideo(false).DefaultLineSpacing();
        }
    }
}
