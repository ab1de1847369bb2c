namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>
/// Lengths of ESC/GS commands the emulator does not act on, from the ESC/POS command
/// reference, so they can be skipped whole. Returns 0 when more bytes are needed. A
/// command not listed is taken as two bytes: the safest guess, since its parameters then
/// print as text instead of swallowing the ticket.
/// </summary>
internal static class UnknownCommandLength
{
    public static int OfEsc(ReadOnlySpan<byte> b)
    {
        byte c = b[1];
        switch (c)
        {
            case (byte)'3' or (byte)'J' or (byte)'M' or (byte)'R' or (byte)'G'
                or (byte)' ' or (byte)'{' or (byte)'V' or (byte)'U' or (byte)'r' or (byte)'='
                or (byte)'T' or (byte)'%' or (byte)'?' or (byte)'e':
                return Need(b, 3);
            case (byte)'$' or (byte)'\\' or (byte)'B' or (byte)'c':
                return Need(b, 4);
            case (byte)'p':
                return Need(b, 5);
            case (byte)'W':
                return Need(b, 10);
            case (byte)'D':
                return UntilNul(b, 2, 33);
            case (byte)'*':
                if (b.Length < 5) return 0;
                int dots = b[3] + (b[4] << 8);
                return Need(b, 5 + dots * (b[2] >= 32 ? 3 : 1));
            case (byte)'(':
                if (b.Length < 5) return 0;
                return Need(b, 5 + b[3] + (b[4] << 8));
            default:
                return 2;
        }
    }

    public static int OfGs(ReadOnlySpan<byte> b)
    {
        byte c = b[1];
        switch (c)
        {
            case (byte)'B' or (byte)'H' or (byte)'f' or (byte)'h' or (byte)'w' or (byte)'b'
                or (byte)'a' or (byte)'r' or (byte)'I' or (byte)'E' or (byte)'/':
                return Need(b, 3);
            case (byte)'L' or (byte)'W' or (byte)'P' or (byte)'$' or (byte)'\\':
                return Need(b, 4);
            case (byte)'^':
                return Need(b, 5);
            case (byte)'k':
                if (b.Length < 3) return 0;
                if (b[2] <= 6) return UntilNul(b, 3, 256);
                if (b.Length < 4) return 0;
                return Need(b, 4 + b[3]);
            case (byte)'v':
                if (b.Length < 8) return 0;
                long raster = (long)(b[4] + (b[5] << 8)) * (b[6] + (b[7] << 8));
                return NeedLong(b, 8 + raster);
            case (byte)'*':
                if (b.Length < 4) return 0;
                return Need(b, 4 + b[2] * b[3] * 8);
            case (byte)'8':
                if (b.Length < 7) return 0;
                long size = b[3] | ((long)b[4] << 8) | ((long)b[5] << 16) | ((long)b[6] << 24);
                return NeedLong(b, 7 + size);
            default:
                return 2;
        }
    }

    private static int Need(ReadOnlySpan<byte> b, int length) => b.Length >= length ? length : 0;

    // Absurd lengths (a corrupted GS 8 L) are skipped as two bytes rather than waited for forever.
    private static int NeedLong(ReadOnlySpan<byte> b, long length) =>
        length > 1 << 24 ? 2 : Need(b, (int)length);

    private static int UntilNul(ReadOnlySpan<byte> b, int from, int max)
    {
        for (int i = from; i < b.Length && i < from + max; i++)
            if (b[i] == 0) return i + 1;
        return b.Length >= from + max ? from + max : 0;
    }
}
