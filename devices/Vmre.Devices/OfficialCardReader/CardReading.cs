using Vmre.Common.Cards;

namespace Vmre.Devices.OfficialCardReader;

/// <summary>
/// What one look at the card reader found: no card, an official's card, or something that
/// could not be read (a tag that is not a VMRE-K2 card, a read cut short, a reader that does
/// not answer) with the reason. Reasons never hold the card's credential id.
/// </summary>
public abstract record CardReading
{
    private CardReading() { }

    public sealed record NoCard : CardReading;

    public sealed record Card(OfficialCard Official) : CardReading;

    public sealed record Unreadable(string Reason) : CardReading;

    public static CardReading None { get; } = new NoCard();
}
