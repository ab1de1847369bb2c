using Iot.Device.Pn532;
using Iot.Device.Pn532.ListPassive;
using Iot.Device.Pn532.RfConfiguration;
using Vmre.Common.Cards;

namespace Vmre.Devices.OfficialCardReader;

/// <summary>
/// An NXP PN532 on a serial port in HSU mode, through the Iot.Device.Pn532 binding: lists one
/// 106 kbps type A target, reads the VMRE-K1 image from its user pages with Type 2 READ (0x30,
/// 16 bytes a time) through InDataExchange, decodes it and releases the target. The port is
/// opened at the first <see cref="Read"/>, and again after any failure, so a reader unplugged
/// and plugged back (or a chip that browned out and fell asleep) comes back by itself.
/// </summary>
public sealed class Pn532OfficialCardReader : IOfficialCardReader
{
    private const byte ReadCommand = 0x30;
    private const byte FirstUserPage = 4;
    private const byte LastUserPage = 39; // NTAG213; a larger tag's VMRE-K1 image fits here too
    private const byte Type2Sak = 0x00;   // SEL_RES of a Type 2 tag: no ISO 14443-4, no MIFARE Classic

    private readonly string _serialPort;
    private readonly object _gate = new();
    private Pn532? _chip;
    private bool _disposed;

    public Pn532OfficialCardReader(string serialPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serialPort);
        _serialPort = serialPort;
    }

    public CardReading Read()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // The binding's HSU timings are tight (89 ms for each answer, 5 ms after the
            // wake-up before it discards what came back): a chip that answers late leaves the
            // link out of step. One fresh open clears that; a reader that is gone fails twice.
            var first = ReadOrFailure();
            return first.Failure is null ? first.Reading! : ReadOrFailure() switch
            {
                { Failure: null } second => second.Reading!,
                { Failure: { } again } => new CardReading.Unreadable($"card reader on {_serialPort} failed: {again.GetType().Name}: {again.Message}"),
            };
        }
    }

    private (CardReading? Reading, Exception? Failure) ReadOrFailure()
    {
        try
        {
            return (ReadOnce(_chip ??= new Pn532(_serialPort)), null); // wake-up, SAMConfiguration, GetFirmwareVersion, SetParameters
        }
        catch (Exception ex)
        {
            // The device boundary: the binding throws System.Exception ("Can't find a PN532"),
            // IOException, TimeoutException (a frame cut short) or InvalidOperationException
            // (port gone). Each is an unreadable card, never a crash of the terminal; the port
            // is closed so the next attempt starts with a fresh wake-up.
            Close();
            return (null, ex);
        }
    }

    // Issue 11 API branch: the ISO 14443-4 exchanges land with the card helper's work.
    public CardExchange Authenticate(CardChallenge challenge, string pin) => new CardExchange.Failed("VMRE-K2 exchanges are not implemented yet");

    public CardExchange Presence(CardChallenge challenge) => new CardExchange.Failed("VMRE-K2 exchanges are not implemented yet");

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Close();
        }
    }

    private static CardReading ReadOnce(Pn532 chip)
    {
        // Re-sent on every look: a real PN532 retries InListPassiveTarget forever by default
        // (MxRtyPassiveActivation 0xFF) and would block the terminal until a card comes; it
        // also tells a reader that answers from one that does not, which ListPassiveTarget's
        // null (no target, or no answer) cannot.
        if (!chip.SetMaxRetriesInitialization(new MaxRetriesMode { MaxRetryPassiveActivation = 2 }))
            throw new IOException("no answer to RFConfiguration");

        byte[]? list = chip.ListPassiveTarget(MaxTarget.One, TargetBaudRate.B106kbpsTypeA);
        if (list is null) return CardReading.None;
        var target = chip.TryDecode106kbpsTypeA(list.AsSpan(1));
        if (target is null) return new CardReading.Unreadable("card reader listed a target it could not describe");
        try
        {
            if (target.Sak != Type2Sak)
                return new CardReading.Unreadable($"not an NFC Forum Type 2 tag (SAK 0x{target.Sak:X2}): not a VMRE official card");
            return ReadImage(chip, target.TargetNumber);
        }
        finally
        {
            chip.ReleaseTarget(target.TargetNumber);
        }
    }

    private static CardReading ReadImage(Pn532 chip, byte target)
    {
        var image = new List<byte>();
        int needed = OfficialCardData.HeaderLength;
        for (byte page = FirstUserPage; image.Count < needed; page += 4)
        {
            if (page > LastUserPage) return new CardReading.Unreadable("card data runs past the tag's user memory");
            var block = new byte[OfficialCardData.BlockLength];
            int got = chip.TransceiveAdvance(target, [ReadCommand, page], block);
            if (got != block.Length)
                return new CardReading.Unreadable($"card read failed at page {page} (card moved away?)");
            image.AddRange(block);
            if (page == FirstUserPage)
            {
                var length = OfficialCardData.ImageLength(block);
                if (!length.IsOk) return new CardReading.Unreadable(length.Error!);
                needed = length.Value;
            }
        }
        var card = OfficialCardData.Decode(image.ToArray());
        return card.IsOk ? new CardReading.Card(card.Value!) : new CardReading.Unreadable(card.Error!);
    }

    private void Close()
    {
        try { _chip?.Dispose(); }
        catch (Exception) { /* the port is already gone; nothing left to release */ }
        _chip = null;
    }
}
