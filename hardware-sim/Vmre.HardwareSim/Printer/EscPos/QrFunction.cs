namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>
/// Decodes the body of GS ( k (after pL pH): cn fn [parameters]. Only the QR symbol
/// (cn = 49) functions 65, 67, 69, 80 and 81 are acted on; PDF417 and the rest are skipped.
/// </summary>
internal static class QrFunction
{
    private const byte QrSymbol = 0x31;

    public static EscPosCommand Decode(ReadOnlySpan<byte> body)
    {
        if (body.Length < 2) return EscPosCommand.Unknown($"GS ( k too short ({body.Length} bytes)");
        byte cn = body[0], fn = body[1];
        if (cn != QrSymbol) return EscPosCommand.Unknown($"GS ( k cn={cn} fn={fn}");
        var p = body[2..];
        return fn switch
        {
            0x41 when p.Length >= 1 => new EscPosCommand(EscPosCommandKind.QrModel, p[0]),
            0x43 when p.Length >= 1 => new EscPosCommand(EscPosCommandKind.QrModuleSize, p[0]),
            0x45 when p.Length >= 1 => new EscPosCommand(EscPosCommandKind.QrErrorCorrection, p[0]),
            // fn 80: m (0x30) then the data; pL pH counted the cn fn m bytes too (data + 3).
            0x50 when p.Length >= 1 => new EscPosCommand(EscPosCommandKind.QrStore, p[0], p[1..].ToArray()),
            0x51 when p.Length >= 1 => new EscPosCommand(EscPosCommandKind.QrPrint, p[0]),
            _ => EscPosCommand.Unknown($"GS ( k QR fn={fn} ({p.Length} parameter bytes)"),
        };
    }
}
