namespace Vmre.HardwareSim.Nfc;

/// <summary>
/// PN532 host-interface frames (PN532 user manual §6.2.1): the normal information frame
/// <c>00 00 FF LEN LCS TFI PD0..PDn DCS 00</c> with LEN + LCS = 0 and TFI + PD0..PDn + DCS = 0
/// (mod 256), the ACK and NACK frames, and the syntax error frame.
/// </summary>
public static class Pn532Frames
{
    /// <summary>Frame identifier of a frame from the host to the PN532.</summary>
    public const byte HostToChip = 0xD4;

    /// <summary>Frame identifier of a frame from the PN532 to the host.</summary>
    public const byte ChipToHost = 0xD5;

    /// <summary>The byte whose arrival wakes a PN532 in HSU mode from power-down (manual §7.2.11, §7.2.16).</summary>
    public const byte WakeUpByte = 0x55;

    public static ReadOnlySpan<byte> Ack => [0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00];
    public static ReadOnlySpan<byte> Nack => [0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    /// <summary>"Error frame": the PN532 detected an error at the application level (unknown command, bad parameters).</summary>
    public static ReadOnlySpan<byte> SyntaxError => [0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00];

    /// <summary>A normal information frame carrying TFI then <paramref name="data"/> (command code first).</summary>
    public static byte[] Information(byte tfi, ReadOnlySpan<byte> data)
    {
        if (data.Length + 1 > 255) throw new ArgumentException("extended frames are not built by this emulator", nameof(data));
        var frame = new byte[data.Length + 8];
        frame[2] = 0xFF;
        frame[3] = (byte)(data.Length + 1);
        frame[4] = (byte)-frame[3];
        frame[5] = tfi;
        data.CopyTo(frame.AsSpan(6));
        byte sum = tfi;
        foreach (byte b in data) sum += b;
        frame[6 + data.Length] = (byte)-sum;
        return frame;
    }
}
