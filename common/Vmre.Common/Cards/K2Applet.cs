namespace Vmre.Common.Cards;

/// <summary>
/// The VMRE-K2 applet's wire contract (docs/formats/official-card.md v2, issue 11 point 1): its
/// AID, the APDU headers and the ISO/IEC 7816-4 status words. One place, read by the reader that
/// sends the APDUs and by the card emulator that answers them, so the two cannot drift.
/// </summary>
public static class K2Applet
{
    /// <summary>Proprietary category <c>F0</c> (ISO/IEC 7816-5) followed by ASCII <c>VMREK2</c>.</summary>
    public static ReadOnlySpan<byte> Aid => [0xF0, 0x56, 0x4D, 0x52, 0x45, 0x4B, 0x32];

    public const byte InterindustryClass = 0x00;
    public const byte ProprietaryClass = 0x80;
    public const byte SelectInstruction = 0xA4;
    public const byte AuthenticateInstruction = 0x88;
    public const byte PresenceInstruction = 0x86;

    /// <summary>SELECT by DF name, first or only occurrence (P1 04, P2 00).</summary>
    public const byte SelectByName = 0x04;

    public const int MinPinLength = 4;
    public const int MaxPinLength = 8;

    /// <summary>The card's own try counter: this many consecutive wrong PINs block it for good.</summary>
    public const int PinTries = 10;

    /// <summary>ISO/IEC 14443-3 SAK bit 6 (0x20): the PICC is compliant with ISO/IEC 14443-4.</summary>
    public const byte IsoDepSakBit = 0x20;

    public const ushort Ok = 0x9000;
    public const ushort WrongLength = 0x6700;
    public const ushort ConditionsNotSatisfied = 0x6985;
    public const ushort WrongData = 0x6A80;
    public const ushort FileNotFound = 0x6A82;
    public const ushort WrongP1P2 = 0x6A86;
    public const ushort InstructionNotSupported = 0x6D00;
    public const ushort ClassNotSupported = 0x6E00;

    /// <summary>4 to 8 ASCII digits: the only PIN a card takes (and a reader sends).</summary>
    public static bool IsPin(ReadOnlySpan<char> pin)
    {
        if (pin.Length is < MinPinLength or > MaxPinLength) return false;
        foreach (char c in pin) if (c is < '0' or > '9') return false;
        return true;
    }

    /// <summary>The same rule on the bytes of an APDU.</summary>
    public static bool IsPin(ReadOnlySpan<byte> pin)
    {
        if (pin.Length is < MinPinLength or > MaxPinLength) return false;
        foreach (byte b in pin) if (b is < (byte)'0' or > (byte)'9') return false;
        return true;
    }

    /// <summary>The SELECT command APDU for this applet (case 4, Le 00).</summary>
    public static byte[] SelectCommand() => [InterindustryClass, SelectInstruction, SelectByName, 0x00, (byte)Aid.Length, .. Aid, 0x00];
}
