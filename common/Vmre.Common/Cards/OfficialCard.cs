namespace Vmre.Common.Cards;

/// <summary>
/// What an official's credential card says (rules.md R8): only the credential id the signed
/// module config lists in <c>Officials</c>. The card holds no PIN and no PIN hash, so a stolen
/// card gives nothing to search offline; the PIN is checked against the config's verifier.
/// </summary>
public sealed record OfficialCard(string CredentialId);
