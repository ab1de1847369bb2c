namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>
/// GS k m …: a 1D barcode. Function A (m = 0..6) ends its data with NUL; function B
/// (m = 65..79) gives the length n first. The command's Value is always the function B number
/// (function A's m + 65), so UPC-A is 65, EAN-13 67 and CODE128 73 whichever form was sent.
/// </summary>
internal static class BarcodeFunction
{
    private const int MaxFunctionAData = 255;

    /// <returns>Bytes consumed, or 0 when the command is not complete yet.</returns>
    public static int Read(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        if (b.Length < 3) return 0;
        byte m = b[2];
        if (m <= 6)
        {
            int end = b[3..].IndexOf((byte)0);
            if (end < 0)
            {
                if (b.Length - 3 <= MaxFunctionAData) return 0;
                // No NUL within the longest data a printer accepts: the command is malformed.
                output.Add(EscPosCommand.Unknown($"GS k {m}: no NUL within {MaxFunctionAData} bytes"));
                return 3 + MaxFunctionAData;
            }
            output.Add(new EscPosCommand(EscPosCommandKind.Barcode, m + 65, b.Slice(3, end).ToArray()));
            return 3 + end + 1;
        }
        if (b.Length < 4) return 0;
        int total = 4 + b[3];
        if (b.Length < total) return 0;
        output.Add(m is >= 65 and <= 79
            ? new EscPosCommand(EscPosCommandKind.Barcode, m, b[4..total].ToArray())
            : EscPosCommand.Unknown($"GS k {m} ({total} bytes)"));
        return total;
    }
}
