namespace Vmre.Common.Cards;

/// <summary>
/// What a VMRE-K2 card says in the statement it signs (docs/formats/official-card.md v2). The
/// card signs a wrong PIN too, so the application counts failures only for a genuine card:
/// nobody can lock an official out without that official's card (issue 11 point 1).
/// </summary>
public enum CardVerdict : byte
{
    PinAccepted = 0x01,
    PinWrong = 0x02,
    /// <summary>The card's own try counter (10 consecutive wrong PINs) is spent; it stays blocked.</summary>
    CardBlocked = 0x03,
    /// <summary>Answer to PRESENCE: the card is on the reader; no PIN involved.</summary>
    Present = 0x10,
}
