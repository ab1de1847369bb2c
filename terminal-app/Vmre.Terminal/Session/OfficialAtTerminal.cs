using Vmre.Common.Serialization;
using Vmre.Common.Cards;
using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Devices.OfficialCardReader;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// rules.md R8 at the terminal: an official proves who they are with their credential card on
/// the reader and their PIN on the screen, checked against the signed module config's verifiers
/// (never a PIN on the card). Three wrong PINs lock that credential at this terminal; observers
/// read only, so they cannot clear faults.
/// </summary>
public sealed class OfficialAtTerminal(IOfficialCardReader reader, ModuleConfig config, VoteStore store, EventLog log)
{
    public const int MaxPinFailures = 3;

    public Parsed<OfficialEntry> Check(string pin)
    {
        var reading = Look();
        var card = CardOf(reading, out var unread);
        if (card is null) return Refuse(unread!, null);
        var official = config.Official(card.CredentialId);
        if (official is null) return Refuse($"card {card.CredentialId} is not an official of module {config.ModuleId}", card.CredentialId);
        if (official.Role == OfficialRole.Observer) return Refuse("observers may not act on a terminal", card.CredentialId);
        var failures = FailureCounter(official.CredentialId);
        if (store.Counter(failures) >= MaxPinFailures)
            return Refuse($"credential locked at this terminal after {MaxPinFailures} wrong PINs", official.CredentialId);
        if (!PinVerifier.Matches(official, pin ?? ""))
        {
            store.Increment(failures);
            return Refuse($"wrong PIN ({store.Counter(failures)} of {MaxPinFailures})", official.CredentialId);
        }
        store.Set(failures, 0);
        return Parsed<OfficialEntry>.Ok(official);
    }

    /// <summary>
    /// Reads the card, looking again after an unreadable read, as an official would lift the card
    /// and put it back: an InDataExchange cut short (PN532 user manual §7.3.8: RF time-out, a card
    /// at the edge of the field, a reply late on a loaded board) fails one look, and the reader
    /// starts the next with a fresh wake-up. Fault tests through the real binding showed single
    /// looks failing under load. "No card" is looked for again too: the binding's
    /// ListPassiveTarget returns the same null for "no target" and "no answer in time", and a
    /// reply late on a loaded board must not turn the official away (CI saw it in a 200-voter run).
    /// </summary>
    private CardReading Look()
    {
        var reading = reader.Read();
        for (var again = 1; again < LooksPerCheck && reading is not CardReading.Card; again++) reading = reader.Read();
        return reading;
    }

    private const int LooksPerCheck = 3;

    private static OfficialCard? CardOf(CardReading reading, out string? refusal)
    {
        refusal = reading switch
        {
            CardReading.Card => null,
            CardReading.NoCard => "present your official card to the reader",
            CardReading.Unreadable unreadable => "the card could not be read: " + unreadable.Reason,
            _ => throw new ArgumentOutOfRangeException(nameof(reading), reading, "unknown card reading"),
        };
        return (reading as CardReading.Card)?.Official;
    }

    private static string FailureCounter(string credentialId) => "pin-failures:" + credentialId;

    private Parsed<OfficialEntry> Refuse(string reason, string? credential)
    {
        log.Append("official-refused", credential is null ? null : new Actor("official", credential), new() { ["reason"] = reason });
        return Parsed<OfficialEntry>.Fail(reason);
    }
}
