namespace Vmre.Common.Cards;

/// <summary>
/// A card's answer to AUTHENTICATE or PRESENCE, as read from the reader: the credential id it
/// gave at SELECT, its verdict and its DER ECDSA P-256 signature over <see cref="CardStatement"/>.
/// Nothing in it is believed until <see cref="CardProof.Check"/> verifies it.
/// </summary>
public sealed record CardAnswer(string CredentialId, CardVerdict Verdict, byte[] Signature);
