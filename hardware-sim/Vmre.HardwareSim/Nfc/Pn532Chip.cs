namespace Vmre.HardwareSim.Nfc;

/// <summary>
/// The PN532's command interpreter (PN532 user manual §7), with the antenna field and the one
/// target that may be in it: a Type 2 tag or an ISO/IEC 14443-4 smart card. Given a command code and parameters it returns the response data
/// (response code = command + 1, then the output parameters), or null for the syntax error
/// frame. Not thread-safe: <see cref="Pn532Emulator"/> calls it under its lock.
/// </summary>
internal sealed class Pn532Chip
{
    // Status byte values (manual §7.1, "Error handling").
    private const byte StatusOk = 0x00;
    private const byte StatusTimeout = 0x01;            // the target did not answer
    private const byte StatusMifareError = 0x14;         // the card refused the MIFARE/Type 2 command (NAK)
    private const byte StatusNotAcceptable = 0x27;      // command not acceptable in the current context
    private const byte ActiveTargetNumber = 1;
    // SetParameters flag fAutomaticRATS (manual §7.2.9): the chip sends RATS itself to an ISO-DEP
    // target during InListPassiveTarget and reports its ATS. On by default, as the binding sets it.
    private const byte AutomaticRats = 0x10;

    private IContactlessTarget? _tag;
    private bool _targetActive;
    private bool _isoDepActive;
    private byte _parameters = 0x14;
    private int _exchangesBeforePull = -1;

    /// <summary>
    /// In HSU mode the chip starts in power-down (LowVbat) and only a 0x55 wake-up brings it
    /// back (manual §7.2.11); PowerDown puts it back to sleep.
    /// </summary>
    public bool Asleep { get; private set; } = true;

    public void WakeUp() => Asleep = false;

    public void PresentCard(IContactlessTarget tag) { _tag = tag; _targetActive = false; _exchangesBeforePull = -1; }

    public void RemoveCard() { _tag = null; _targetActive = false; _exchangesBeforePull = -1; }

    public void PullCardAfterExchanges(int exchanges) => _exchangesBeforePull = exchanges;

    public static string Name(byte command) => command switch
    {
        0x02 => "GetFirmwareVersion", 0x12 => "SetParameters", 0x14 => "SAMConfiguration",
        0x16 => "PowerDown", 0x32 => "RFConfiguration", 0x40 => "InDataExchange",
        0x44 => "InDeselect", 0x4A => "InListPassiveTarget", 0x52 => "InRelease",
        _ => $"0x{command:X2}",
    };

    public byte[]? Execute(byte command, ReadOnlySpan<byte> p)
    {
        byte reply = (byte)(command + 1);
        switch (command)
        {
            case 0x02 when p.IsEmpty:
                return [reply, 0x32, 0x01, 0x06, 0x07]; // IC PN532, firmware 1.6, ISO 18092 + ISO 14443 A and B
            case 0x12 when p.Length == 1:
                _parameters = p[0]; // only fAutomaticRATS changes what this emulator does
                return [reply];
            case 0x14 when p.Length is >= 1 and <= 3 && p[0] is >= 1 and <= 4:
                return [reply]; // SAM mode: normal, virtual card, wired card, dual card
            case 0x16 when p.Length is 1 or 2:
                Asleep = true; // the response still goes out before the chip sleeps (manual §7.2.11)
                _targetActive = false;
                return [reply, StatusOk];
            case 0x32 when p.Length >= 1:
                return [reply]; // RF settings (retries, timings, analog): accepted, the antenna is ideal
            case 0x4A when p.Length >= 2 && p[0] is 1 or 2 && p[1] <= 4:
                return ListPassiveTarget(reply, p[1]);
            case 0x40 when p.Length >= 1:
                return DataExchange(reply, p[0], p[1..]);
            case 0x44 or 0x52 when p.Length == 1:
                if (p[0] != 0 && (p[0] != ActiveTargetNumber || !_targetActive)) return [reply, StatusNotAcceptable];
                _targetActive = false;
                return [reply, StatusOk];
            default:
                return null;
        }
    }

    private byte[] ListPassiveTarget(byte reply, byte baudRateAndType)
    {
        // Only 106 kbps type A tags are simulated; asking for another modulation finds none.
        // A real chip retries forever unless RFConfiguration MaxRetries says otherwise; the
        // emulator answers at once, as a chip with a finite retry count does.
        if (baudRateAndType != 0x00 || _tag is null) { _targetActive = false; return [reply, 0x00]; }
        _tag.PowerOn(); // the field wakes the card from nothing: no applet stays selected
        _targetActive = true;
        byte[] uid = _tag.Uid;
        var answer = new List<byte> { reply, 1, ActiveTargetNumber, (byte)(_tag.Atqa >> 8), (byte)_tag.Atqa, _tag.Sak, (byte)uid.Length };
        answer.AddRange(uid);
        // Manual §7.3.5: for an ISO/IEC 14443-4 PICC the target data end with its ATS (TL first),
        // got by the chip's own RATS when fAutomaticRATS is set; the chip then frames I-blocks itself.
        _isoDepActive = (_tag.Sak & 0x20) != 0 && _tag.Ats is not null && (_parameters & AutomaticRats) != 0;
        if (_isoDepActive) answer.AddRange(_tag.Ats!);
        return [.. answer];
    }

    private byte[] DataExchange(byte reply, byte target, ReadOnlySpan<byte> toTag)
    {
        if (target != ActiveTargetNumber || !_targetActive) return [reply, StatusNotAcceptable];
        if (_exchangesBeforePull == 0 || _tag is null)
        {
            RemoveCard(); // the card has left the field: it does not answer
            return [reply, StatusTimeout];
        }
        // An ISO-DEP card not activated with RATS is still at ISO/IEC 14443-3 level: it ignores an
        // APDU sent to it raw, and the chip times out waiting for its answer.
        if ((_tag.Sak & 0x20) != 0 && !_isoDepActive) return [reply, StatusTimeout];
        if (_exchangesBeforePull > 0) _exchangesBeforePull--;
        byte[]? answer = _tag.Answer(toTag);
        if (answer is null) return [reply, StatusMifareError];
        var response = new byte[answer.Length + 2];
        response[0] = reply;
        answer.CopyTo(response, 2);
        return response;
    }
}
