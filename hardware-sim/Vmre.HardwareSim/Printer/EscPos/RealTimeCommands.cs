namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>DLE commands: real-time requests a printer answers even while busy or offline.</summary>
internal static class RealTimeCommands
{
    /// <returns>Bytes consumed, or 0 when the command is not complete yet.</returns>
    public static int Read(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        if (b.Length < 2) return 0;
        if (b[1] == 0x04)
        {
            if (b.Length < 3) return 0;
            int n = b[2];
            if (n is >= 1 and <= 4)
            {
                output.Add(new EscPosCommand(EscPosCommandKind.StatusRequest, n));
                return 3;
            }
            // DLE EOT 7/8/18 carry one more byte (ink, peeler, interface status).
            int length = n is 7 or 8 or 18 ? 4 : 3;
            if (b.Length < length) return 0;
            output.Add(EscPosCommand.Unknown($"DLE EOT {n}"));
            return length;
        }
        int skip = b[1] switch { 0x05 => 3, 0x14 => 5, _ => 1 };
        if (b.Length < skip) return 0;
        output.Add(EscPosCommand.Unknown($"DLE 0x{b[1]:X2}"));
        return skip;
    }
}
