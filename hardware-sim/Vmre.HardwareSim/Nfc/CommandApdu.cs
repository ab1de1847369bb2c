namespace Vmre.HardwareSim.Nfc;

/// <summary>
/// A command APDU as ISO/IEC 7816-4 §5.1 lays it out, short lengths only: header CLA INS P1 P2,
/// then nothing (case 1), Le (case 2), Lc + data (case 3) or Lc + data + Le (case 4). An
/// extended length (Lc 00 followed by more bytes) is not supported by the VMRE-K2 applet.
/// </summary>
internal readonly record struct CommandApdu(byte Cla, byte Ins, byte P1, byte P2, byte[] Data, bool HasLe, byte Le)
{
    /// <summary>Null when the bytes are no short APDU at all (too short, or lengths that do not add up).</summary>
    public static CommandApdu? Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4) return null;
        byte cla = bytes[0], ins = bytes[1], p1 = bytes[2], p2 = bytes[3];
        var body = bytes[4..];
        if (body.IsEmpty) return new(cla, ins, p1, p2, [], false, 0);
        if (body.Length == 1) return new(cla, ins, p1, p2, [], true, body[0]);
        int lc = body[0];
        if (lc == 0) return null; // extended length
        return (body.Length - 1 - lc) switch
        {
            0 => new(cla, ins, p1, p2, body.Slice(1, lc).ToArray(), false, 0),
            1 => new(cla, ins, p1, p2, body.Slice(1, lc).ToArray(), true, body[^1]),
            _ => null,
        };
    }
}
