namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>
/// Decodes the body of GS ( H (after pL pH). Only fn = 48 (0x30), m = 48 with four ASCII
/// digits, the "transmit process ID response" request, is acted on; the other functions
/// (e.g. fn 49 offline response) were already skipped whole by their pL pH length.
/// </summary>
internal static class ProcessIdFunction
{
    private const byte RequestProcessId = 0x30, M = 0x30;

    public static EscPosCommand Decode(ReadOnlySpan<byte> body)
    {
        if (body.Length < 2) return EscPosCommand.Unknown($"GS ( H too short ({body.Length} bytes)");
        byte fn = body[0], m = body[1];
        if (fn != RequestProcessId || m != M || body.Length != 6)
            return EscPosCommand.Unknown($"GS ( H fn={fn} m={m} ({body.Length} bytes)");
        var digits = body[2..];
        foreach (byte d in digits)
            if (d is < (byte)'0' or > (byte)'9')
                return EscPosCommand.Unknown("GS ( H fn=48: process ID is not four ASCII digits");
        return new EscPosCommand(EscPosCommandKind.ProcessIdRequest, Data: digits.ToArray());
    }
}
