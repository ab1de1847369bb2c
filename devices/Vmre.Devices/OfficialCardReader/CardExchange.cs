using Vmre.Common.Cards;

namespace Vmre.Devices.OfficialCardReader;

/// <summary>
/// What one AUTHENTICATE or PRESENCE exchange with the card on the reader gave: no card, the
/// card's answer (not yet believed: <see cref="CardProof.Check"/> verifies it), or why it could
/// not be done (not a VMRE-K2 card, a read cut short, a reader that does not answer).
/// Reasons never hold a PIN.
/// </summary>
public abstract record CardExchange
{
    private CardExchange() { }

    public sealed record NoCard : CardExchange;

    public sealed record Answered(CardAnswer Answer) : CardExchange;

    public sealed record Failed(string Reason) : CardExchange;

    public static CardExchange None { get; } = new NoCard();
}
