using Iot.Device.Pn532;
using Iot.Device.Pn532.ListPassive;
using Iot.Device.Pn532.RfConfiguration;
using Vmre.Common.Cards;
using Vmre.Common.Serialization;

namespace Vmre.Devices.OfficialCardReader;

/// <summary>
/// One activation of the card on the antenna through the PN532 (issue 11 point 1): list one
/// 106 kbps type A target, require ISO/IEC 14443-4 (SAK bit 0x20; the PN532 does RATS itself and
/// frames the I-blocks), SELECT the VMRE-K2 applet, then carry command APDUs with InDataExchange.
/// Dispose releases the target. Card faults are values; a reader that does not answer throws
/// (the caller reopens the port).
/// </summary>
internal sealed class K2Link : IDisposable
{
    /// <summary>The binding's own bound for an R-APDU: 256 data bytes and SW1 SW2.</summary>
    private const int MaxResponse = 258;

    private readonly Pn532 _chip;
    private readonly byte _target;

    private K2Link(Pn532 chip, byte target, string credentialId)
    {
        _chip = chip;
        _target = target;
        CredentialId = credentialId;
    }

    /// <summary>What SELECT gave: the card's claim, proving nothing until a signature is checked.</summary>
    public string CredentialId { get; }

    /// <summary>Null when no card is on the antenna; a refusal when it is not a VMRE-K2 card.</summary>
    public static Parsed<K2Link>? Open(Pn532 chip)
    {
        // Re-sent on every look: a real PN532 retries InListPassiveTarget forever by default
        // (MxRtyPassiveActivation 0xFF) and would block the terminal until a card comes; it
        // also tells a reader that answers from one that does not, which ListPassiveTarget's
        // null (no target, or no answer) cannot.
        if (!chip.SetMaxRetriesInitialization(new MaxRetriesMode { MaxRetryPassiveActivation = 2 }))
            throw new IOException("no answer to RFConfiguration");
        byte[]? list = chip.ListPassiveTarget(MaxTarget.One, TargetBaudRate.B106kbpsTypeA);
        if (list is null) return null;
        var target = chip.TryDecode106kbpsTypeA(list.AsSpan(1));
        if (target is null) return Parsed<K2Link>.Fail("the card reader listed a target it could not describe");
        bool keep = false;
        try
        {
            // A Type 2 tag (SAK 0x00), e.g. a retired VMRE-K1 card, has no ISO/IEC 14443-4 layer
            // and no secret: anyone can write one, so it is no official's card (official-card.md v2).
            if ((target.Sak & K2Applet.IsoDepSakBit) == 0)
                return Parsed<K2Link>.Fail($"not a VMRE official card: not an ISO/IEC 14443-4 smart card (SAK 0x{target.Sak:X2}); VMRE-K1 tags are no longer accepted");
            var selected = K2Responses.CredentialId(SendOrThrow(chip, target.TargetNumber, K2Applet.SelectCommand(), "SELECT"));
            if (!selected.IsOk) return Parsed<K2Link>.Fail(selected.Error!);
            keep = true;
            return Parsed<K2Link>.Ok(new K2Link(chip, target.TargetNumber, selected.Value!));
        }
        finally
        {
            if (!keep) chip.ReleaseTarget(target.TargetNumber);
        }
    }

    /// <summary>The response APDU to <paramref name="command"/>, or why there is none.</summary>
    public Parsed<byte[]> Send(ReadOnlySpan<byte> command, string what) => Send(_chip, _target, command, what);

    /// <summary>
    /// For a command that may be sent again (SELECT, PRESENCE: the card counts nothing): no
    /// answer throws, so the caller looks again from a freshly opened port. The binding gives the
    /// same -1 for a card that left the field and for a PN532 answer that came after its 89 ms
    /// window (a loaded machine, a slow card); the second look tells them apart (no card, or the
    /// answer).
    /// </summary>
    public byte[] SendOrThrow(ReadOnlySpan<byte> command, string what) => SendOrThrow(_chip, _target, command, what);

    public void Dispose() => _chip.ReleaseTarget(_target);

    private static byte[] SendOrThrow(Pn532 chip, byte target, ReadOnlySpan<byte> command, string what)
    {
        var response = Send(chip, target, command, what);
        return response.IsOk ? response.Value! : throw new IOException(response.Error);
    }

    private static Parsed<byte[]> Send(Pn532 chip, byte target, ReadOnlySpan<byte> command, string what)
    {
        var response = new byte[MaxResponse];
        int got = chip.TransceiveAdvance(target, command, response);
        // -1: the PN532 reported an error status (the card did not answer: it left the field).
        return got >= 2 ? Parsed<byte[]>.Ok(response[..got])
            : Parsed<byte[]>.Fail($"the card stopped answering during {what} (card moved away?)");
    }
}
