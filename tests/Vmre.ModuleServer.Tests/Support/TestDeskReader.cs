using Vmre.Common.Cards;
using Vmre.Devices.OfficialCardReader;

namespace Vmre.ModuleServer.Tests.Support;

/// <summary>
/// The server's desk reader in-process for tests of the code above it: whichever <see cref="TestCard"/>
/// lies on it answers. The PN532 binding and the card emulator are shown over a pty elsewhere.
/// </summary>
public sealed class TestDeskReader : IOfficialCardReader
{
    private volatile TestCard? _card;

    public void Place(TestCard? card) => _card = card;

    public CardReading Read() => _card is { } card ? new CardReading.Card(new OfficialCard(card.CredentialId)) : CardReading.None;

    public CardExchange Authenticate(CardChallenge challenge, string pin) =>
        _card is { } card ? new CardExchange.Answered(card.Authenticate(challenge, pin)) : CardExchange.None;

    public CardExchange Presence(CardChallenge challenge) =>
        _card is { } card ? new CardExchange.Answered(card.Presence(challenge)) : CardExchange.None;

    public void Dispose() { }
}
