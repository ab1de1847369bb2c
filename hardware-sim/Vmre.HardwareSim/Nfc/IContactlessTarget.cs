namespace Vmre.HardwareSim.Nfc;

/// <summary>
/// Something on the PN532's antenna at 106 kbps type A: what it answers to anticollision
/// (ATQA, SAK, UID), the ATS an ISO/IEC 14443-4 card gives to the PN532's own RATS, and its
/// answer to each frame InDataExchange carries. Power comes from the field: <see cref="PowerOn"/>
/// is called each time the reader activates it, so nothing selected survives a removal.
/// </summary>
public interface IContactlessTarget
{
    /// <summary>SENS_RES, as the PN532 reports it (most significant byte first).</summary>
    ushort Atqa { get; }

    /// <summary>SEL_RES; bit 0x20 set means ISO-DEP (ISO/IEC 14443-4).</summary>
    byte Sak { get; }

    byte[] Uid { get; }

    /// <summary>The answer to select (TL first), or null for a card without ISO/IEC 14443-4.</summary>
    byte[]? Ats { get; }

    /// <summary>Activated by the field: back to the state after power-on reset.</summary>
    void PowerOn();

    /// <summary>
    /// The answer to one frame (a Type 2 command, or for an ISO-DEP card a command APDU carried in
    /// I-blocks the PN532 builds and strips): the bytes, an empty array for a bare ACK, or null for
    /// a NAK.
    /// </summary>
    byte[]? Answer(ReadOnlySpan<byte> frame);
}
