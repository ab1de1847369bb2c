using System.Security.Cryptography;
using System.Text;
using Iot.Device.Pn532;
using Vmre.Common.Cards;
using Vmre.Common.Serialization;

namespace Vmre.Devices.OfficialCardReader;

/// <summary>
/// An NXP PN532 on a serial port in HSU mode, through the Iot.Device.Pn532 binding, talking to
/// VMRE-K2 cards (docs/formats/official-card.md v2, issue 11 point 1): ISO/IEC 14443-4 smart
/// cards whose applet proves a private key by signing the verifier's challenge. The port is
/// opened at the first call, and again after any failure, so a reader unplugged and plugged back
/// (or a chip that browned out and fell asleep) comes back by itself.
/// </summary>
public sealed class Pn532OfficialCardReader : IOfficialCardReader
{
    private readonly string _serialPort;
    private readonly object _gate = new();
    private Pn532? _chip;
    private bool _disposed;

    public Pn532OfficialCardReader(string serialPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serialPort);
        _serialPort = serialPort;
    }

    public CardReading Read() =>
        Attempt(chip => K2Link.Open(chip) switch
        {
            null => CardReading.None,
            { IsOk: false } refused => new CardReading.Unreadable(refused.Error!),
            { Value: { } link } => Released(link, new CardReading.Card(new OfficialCard(link.CredentialId))),
        }, reason => new CardReading.Unreadable(reason));

    public CardExchange Authenticate(CardChallenge challenge, string pin)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        // Checked before anything reaches the card: a malformed PIN must not cost one of its tries.
        if (pin is null || !K2Applet.IsPin(pin)) return new CardExchange.Failed("the PIN must be 4 to 8 digits");
        var command = new byte[5 + CardChallenge.Length + pin.Length + 1];
        try
        {
            command[0] = K2Applet.ProprietaryClass;
            command[1] = K2Applet.AuthenticateInstruction;
            command[4] = (byte)(CardChallenge.Length + pin.Length);
            challenge.Bytes.CopyTo(command.AsSpan(5));
            Encoding.ASCII.GetBytes(pin, command.AsSpan(5 + CardChallenge.Length));
            return Signed(command, "AUTHENTICATE", repeatable: false, CardVerdict.PinAccepted, CardVerdict.PinWrong, CardVerdict.CardBlocked);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(command); // issue 11 point 6: PIN bytes cleared after use
        }
    }

    public CardExchange Presence(CardChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        byte[] command = [K2Applet.ProprietaryClass, K2Applet.PresenceInstruction, 0x00, 0x00, CardChallenge.Length, .. challenge.Bytes, 0x00];
        return Signed(command, "PRESENCE", repeatable: true, CardVerdict.Present);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Close();
        }
    }

    /// <param name="repeatable">PRESENCE may be sent again after no answer; AUTHENTICATE never is: once
    /// it is on its way the card may have counted a wrong PIN, so a failure after that point is
    /// reported, never retried, and one typed PIN costs the card at most one try.</param>
    private CardExchange Signed(byte[] command, string what, bool repeatable, params CardVerdict[] allowed)
    {
        bool sent = false;
        return Attempt(chip =>
        {
            if (K2Link.Open(chip) is not { } opened) return CardExchange.None;
            if (!opened.IsOk) return new CardExchange.Failed(opened.Error!);
            using var link = opened.Value!;
            sent = !repeatable;
            var response = repeatable ? Parsed<byte[]>.Ok(link.SendOrThrow(command, what)) : link.Send(command, what);
            var answer = response.Then(bytes => K2Responses.Signed(bytes, what, allowed));
            return answer.IsOk
                ? new CardExchange.Answered(new CardAnswer(link.CredentialId, answer.Value.Verdict, answer.Value.Signature))
                : new CardExchange.Failed(answer.Error!);
        }, reason => new CardExchange.Failed(reason), retry: () => !sent);
    }

    private static CardReading Released(K2Link link, CardReading reading)
    {
        link.Dispose();
        return reading;
    }

    /// <summary>
    /// One look, and up to two more from a freshly opened port while the last one threw. The
    /// binding's HSU start-up is tight (5 ms after the wake-up before it discards what came back):
    /// on a loaded machine a chip that answers late leaves the link out of step, and a fresh open
    /// clears that — usually the first time, not always. A reader that is gone fails every time.
    /// </summary>
    private T Attempt<T>(Func<Pn532, T> look, Func<string, T> failed, Func<bool>? retry = null)
    {
        const int Looks = 3;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (int attempt = 1; ; attempt++)
            {
                var (result, failure) = Once(look);
                if (failure is null) return result!;
                if (retry is not null && !retry()) return failed($"card reader on {_serialPort} failed mid-exchange: {failure.GetType().Name}: {failure.Message}");
                if (attempt == Looks) return failed($"card reader on {_serialPort} failed: {failure.GetType().Name}: {failure.Message}");
            }
        }
    }

    private (T? Result, Exception? Failure) Once<T>(Func<Pn532, T> look)
    {
        try
        {
            // wake-up, SAMConfiguration, GetFirmwareVersion, SetParameters; then room for a card's signature
            return (look(_chip ??= BindingAnswerWindow.Widen(new Pn532(_serialPort))), null);
        }
        catch (Exception ex)
        {
            // The device boundary: the binding throws System.Exception ("Can't find a PN532"),
            // IOException, TimeoutException (a frame cut short) or InvalidOperationException
            // (port gone). Each is a failed look, never a crash of the terminal or the desk; the
            // port is closed so the next attempt starts with a fresh wake-up.
            Close();
            return (default, ex);
        }
    }

    private void Close()
    {
        try { _chip?.Dispose(); }
        catch (Exception) { /* the port is already gone; nothing left to release */ }
        _chip = null;
    }
}
