namespace Vmre.HardwareSim.Nfc;

/// <summary>
/// An NFC Forum Type 2 tag laid out like an NXP NTAG213 (NTAG213/215/216 data sheet §8.5):
/// 45 pages of 4 bytes; pages 0-2 hold the 7-byte UID with its check bytes and the static
/// lock bytes, page 3 the capability container, pages 4-39 the 144 user bytes, 40-44 the
/// dynamic lock and configuration pages. Answers READ (0x30), WRITE (0xA2) and GET_VERSION (0x60).
/// </summary>
public sealed class SimulatedTag : IContactlessTarget
{
    public const int PageCount = 45;
    public const int PageSize = 4;
    public const int FirstUserPage = 4;
    public const int LastUserPage = 39;
    public const int UserBytes = (LastUserPage - FirstUserPage + 1) * PageSize;

    /// <summary>ISO/IEC 14443-3 answer to request (SENS_RES) and select acknowledge (SEL_RES) of an NTAG21x.</summary>
    public const ushort Atqa = 0x0044;
    public const byte Sak = 0x00;

    private static readonly byte[] NtagVersion = [0x00, 0x04, 0x04, 0x02, 0x01, 0x00, 0x0F, 0x03];
    private readonly byte[] _uid;
    private readonly byte[] _memory = new byte[PageCount * PageSize];
    private readonly object _gate = new();

    private SimulatedTag(ReadOnlySpan<byte> uid)
    {
        if (uid.Length != 7) throw new ArgumentException("an NTAG213 has a 7-byte UID", nameof(uid));
        if (uid[0] == 0x88) throw new ArgumentException("UID0 0x88 is the cascade tag (ISO/IEC 14443-3)", nameof(uid));
        _uid = uid.ToArray();
        uid[..3].CopyTo(_memory);
        _memory[3] = (byte)(0x88 ^ uid[0] ^ uid[1] ^ uid[2]); // BCC0
        uid[3..].CopyTo(_memory.AsSpan(4));
        _memory[8] = (byte)(uid[3] ^ uid[4] ^ uid[5] ^ uid[6]); // BCC1
        _memory[9] = 0x48; // internal byte
        ReadOnlySpan<byte> capability = [0xE1, 0x10, 0x12, 0x00]; // NDEF 1.0, 144 bytes, read/write
        capability.CopyTo(_memory.AsSpan(3 * PageSize));
        ReadOnlySpan<byte> config = [0x00, 0x00, 0x00, 0xBD, 0x04, 0x00, 0x00, 0xFF, 0x00, 0x05, 0x00, 0x00];
        config.CopyTo(_memory.AsSpan(40 * PageSize)); // dynamic lock, CFG0 (AUTH0 = FF: no password), CFG1
    }

    /// <summary>A tag whose user pages hold <paramref name="userData"/> from page 4, zeros after.</summary>
    public static SimulatedTag WithUserData(ReadOnlySpan<byte> uid, ReadOnlySpan<byte> userData)
    {
        if (userData.Length > UserBytes) throw new ArgumentException($"an NTAG213 holds {UserBytes} user bytes", nameof(userData));
        var tag = new SimulatedTag(uid);
        userData.CopyTo(tag._memory.AsSpan(FirstUserPage * PageSize));
        return tag;
    }

    /// <summary>A tag as it leaves the factory: an empty NDEF message TLV at page 4 and nothing else.</summary>
    public static SimulatedTag Blank(ReadOnlySpan<byte> uid) =>
        WithUserData(uid, [0x01, 0x03, 0xA0, 0x0C, 0x34, 0x03, 0x00, 0xFE]);

    public byte[] Uid => (byte[])_uid.Clone();

    ushort IContactlessTarget.Atqa => Atqa;

    byte IContactlessTarget.Sak => Sak;

    /// <summary>A Type 2 tag has no ISO/IEC 14443-4 layer: the PN532's RATS gets no answer.</summary>
    public byte[]? Ats => null;

    /// <summary>Memory is non-volatile; nothing else to reset.</summary>
    public void PowerOn() { }

    /// <summary>Copy of one page (for tests that check a WRITE).</summary>
    public byte[] Page(int page)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(page, PageCount);
        lock (_gate) return _memory.AsSpan(page * PageSize, PageSize).ToArray();
    }

    /// <summary>
    /// The tag's answer to one Type 2 command: the data bytes, an empty array for an ACK, or
    /// null for a NAK (unknown command, address out of range, write to a protected page).
    /// </summary>
    public byte[]? Answer(ReadOnlySpan<byte> command)
    {
        if (command.IsEmpty) return null;
        lock (_gate)
        {
            switch (command[0])
            {
                case 0x30 when command.Length == 2 && command[1] < PageCount:
                    // READ returns 4 pages and rolls over to page 0 past the last one (data sheet §10.2).
                    var answer = new byte[4 * PageSize];
                    for (int i = 0; i < 4; i++)
                        _memory.AsSpan((command[1] + i) % PageCount * PageSize, PageSize).CopyTo(answer.AsSpan(i * PageSize));
                    return answer;
                case 0xA2 when command.Length == 6 && command[1] is >= FirstUserPage and <= LastUserPage:
                    command[2..].CopyTo(_memory.AsSpan(command[1] * PageSize));
                    return [];
                case 0x60 when command.Length == 1:
                    return (byte[])NtagVersion.Clone();
                default:
                    return null;
            }
        }
    }
}
