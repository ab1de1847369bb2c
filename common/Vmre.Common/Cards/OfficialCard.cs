namespace Vmre.Common.Cards;

/// <summary>
/// What an official's credential card says (rules.md R8): only the credential id the signed
/// module config lists in <c>Officials</c>. The card holds no PIN and no PIN hash, so a stolen
/// card gives nothing to search offline. As read by SELECT it proves nothing: the VMRE-K2 card
/// proves itself by signing a challenge (CardProof, issue 11 point 1).
/// </summary>
public sealed record OfficialCard(string CredentialId);
