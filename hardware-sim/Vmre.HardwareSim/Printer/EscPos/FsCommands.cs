namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>
/// FS commands: Kanji (double-byte) modes and NV images. The emulated printer is a
/// single-byte model, as sold outside Asia: it consumes them all, by their documented
/// length, and prints none of their bytes. FS . (leave Kanji mode), which drivers send
/// at every start, is accepted silently; the others are named in a notice.
/// </summary>
internal static class FsCommands
{
    /// <returns>Bytes consumed, or 0 when the command is not complete yet.</returns>
    public static int Read(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        if (b.Length < 2) return 0;
        byte c = b[1];
        if (c == (byte)'.')
        {
            output.Add(new EscPosCommand(EscPosCommandKind.CancelKanjiMode));
            return 2;
        }
        int length = Length(b);
        if (length == 0) return 0;
        output.Add(EscPosCommand.Unknown(c == (byte)'&'
            ? "FS & (2 bytes): Kanji mode not emulated, text stays single-byte"
            : $"FS 0x{c:X2} ({length} bytes)"));
        return length;
    }

    private static int Length(ReadOnlySpan<byte> b) => b[1] switch
    {
        (byte)'&' => 2,
        (byte)'!' or (byte)'-' or (byte)'C' or (byte)'W' => Need(b, 3),
        (byte)'S' or (byte)'?' or (byte)'p' => Need(b, 4),
        (byte)'2' => Need(b, 4 + 72), // one 24 x 24 dot user-defined Kanji
        (byte)'(' => b.Length < 5 ? 0 : Need(b, 5 + b[3] + (b[4] << 8)),
        (byte)'q' => NvImages(b),
        _ => 2, // unlisted: two bytes, so its parameters print rather than swallow the ticket
    };

    /// <summary>FS q n [xL xH yL yH d1…dk]1..n: n images of x·8 columns by y·8 rows, 8 dots a byte.</summary>
    private static int NvImages(ReadOnlySpan<byte> b)
    {
        if (b.Length < 3) return 0;
        long at = 3;
        for (int image = 0; image < b[2]; image++)
        {
            if (b.Length < at + 4) return 0;
            int i = (int)at;
            long x = b[i] + (b[i + 1] << 8), y = b[i + 2] + (b[i + 3] << 8);
            at += 4 + x * y * 8;
            if (at > 1 << 24) return 2; // absurd: a corrupted length must not wedge the printer
        }
        return Need(b, (int)at);
    }

    private static int Need(ReadOnlySpan<byte> b, int length) => b.Length >= length ? length : 0;
}
