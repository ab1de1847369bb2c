using Vmre.Common.Cards;

namespace Vmre.Devices.OfficialCardReader;

/// <summary>
/// A reader for officials' credential cards (rules.md R8: card and PIN; issue 11 point 1: the
/// card proves a secret). Each call looks at the antenna once; none throws for anything the card
/// or the reader does. The same interface serves the terminal and the desk.
/// </summary>
public interface IOfficialCardReader : IDisposable
{
    /// <summary>Which card is on the reader (SELECT of the VMRE-K2 applet): its credential id only, proving nothing.</summary>
    CardReading Read();

    /// <summary>AUTHENTICATE: the card checks the PIN itself and signs its verdict over the challenge.</summary>
    CardExchange Authenticate(CardChallenge challenge, string pin);

    /// <summary>PRESENCE: the card signs the challenge, no PIN: proves the card is still on the reader.</summary>
    CardExchange Presence(CardChallenge challenge);
}
