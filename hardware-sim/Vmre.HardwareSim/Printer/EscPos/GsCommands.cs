namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>GS commands: sizes, reverse, cuts, barcodes, status and the GS ( functions (QR, process ID).</summary>
internal static class GsCommands
{
    /// <returns>Bytes consumed, or 0 when the command is not complete yet.</returns>
    public static int Read(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        if (b.Length < 2) return 0;
        EscPosCommandKind? oneParameter = b[1] switch
        {
            (byte)'!' => EscPosCommandKind.CharacterSize,
            (byte)'B' => EscPosCommandKind.Reverse,
            (byte)'h' => EscPosCommandKind.BarcodeHeight,
            (byte)'w' => EscPosCommandKind.BarcodeModuleWidth,
            (byte)'H' => EscPosCommandKind.BarcodeHriPosition,
            (byte)'f' => EscPosCommandKind.BarcodeHriFont,
            (byte)'r' => EscPosCommandKind.TransmitStatus,
            _ => null,
        };
        if (oneParameter is { } kind)
        {
            if (b.Length < 3) return 0;
            output.Add(new EscPosCommand(kind, b[2]));
            return 3;
        }
        switch (b[1])
        {
            case (byte)'V': return Cut(b, output);
            case (byte)'k': return BarcodeFunction.Read(b, output);
            case (byte)'(':
                if (b.Length < 5) return 0;
                int total = 5 + b[3] + (b[4] << 8);
                if (b.Length < total) return 0;
                output.Add(b[2] switch
                {
                    (byte)'k' => QrFunction.Decode(b[5..total]),
                    (byte)'H' => ProcessIdFunction.Decode(b[5..total]),
                    _ => EscPosCommand.Unknown($"GS ( 0x{b[2]:X2} ({total} bytes)"),
                });
                return total;
        }
        int length = UnknownCommandLength.OfGs(b);
        if (length == 0) return 0;
        output.Add(EscPosCommand.Unknown($"GS 0x{b[1]:X2} ({length} bytes)"));
        return length;
    }

    /// <summary>
    /// GS V: m = 0/48 full and 1/49 partial cut at once; 65/66 feed n dots then full/partial;
    /// 97/98 and 103/104 (feed n, cut, and a reserved move back) are printed as 65/66.
    /// </summary>
    private static int Cut(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        if (b.Length < 3) return 0;
        byte m = b[2];
        if (m is 0 or 1 or 48 or 49)
        {
            output.Add(new EscPosCommand(m % 48 == 0 ? EscPosCommandKind.Cut : EscPosCommandKind.PartialCut));
            return 3;
        }
        if (m is 65 or 66 or 97 or 98 or 103 or 104)
        {
            if (b.Length < 4) return 0;
            output.Add(new EscPosCommand(m % 2 == 1 ? EscPosCommandKind.Cut : EscPosCommandKind.PartialCut, b[3]));
            return 4;
        }
        output.Add(EscPosCommand.Unknown($"GS V {m}"));
        return 3;
    }
}
