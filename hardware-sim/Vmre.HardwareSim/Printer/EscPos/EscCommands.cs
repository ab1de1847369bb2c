namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>ESC commands: modes, code page, line spacing and feeds (forward and back).</summary>
internal static class EscCommands
{
    /// <returns>Bytes consumed, or 0 when the command is not complete yet.</returns>
    public static int Read(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        if (b.Length < 2) return 0;
        byte c = b[1];
        switch (c)
        {
            case (byte)'@': output.Add(new EscPosCommand(EscPosCommandKind.Initialize)); return 2;
            case (byte)'2': output.Add(new EscPosCommand(EscPosCommandKind.DefaultLineSpacing)); return 2;
        }
        EscPosCommandKind? kind = c switch
        {
            (byte)'t' => EscPosCommandKind.SelectCodePage,
            (byte)'a' => EscPosCommandKind.Align,
            (byte)'E' => EscPosCommandKind.Bold,
            (byte)'-' => EscPosCommandKind.Underline,
            (byte)'!' => EscPosCommandKind.PrintMode,
            (byte)'d' => EscPosCommandKind.FeedLines,
            (byte)'M' => EscPosCommandKind.SelectFont,
            (byte)'3' => EscPosCommandKind.LineSpacing,
            (byte)'J' => EscPosCommandKind.FeedDots,
            (byte)'K' => EscPosCommandKind.ReverseFeedDots,
            _ => null,
        };
        if (kind is { } known)
        {
            if (b.Length < 3) return 0;
            output.Add(new EscPosCommand(known, b[2]));
            return 3;
        }
        int length = UnknownCommandLength.OfEsc(b);
        if (length == 0) return 0;
        output.Add(EscPosCommand.Unknown($"ESC 0x{c:X2} ({length} bytes)"));
        return length;
    }
}
