using System.Security.Cryptography;
using Vmre.Common.Cards;
using Vmre.Common.Protocol;

namespace Vmre.ModuleServer.Tests.Support;

/// <summary>
/// An in-process VMRE-K2 card for tests of the code above the reader (issue 11 design §1): it
/// keeps its P-256 key and PIN, checks the PIN itself and signs its verdict over the challenge
/// (wrong PINs signed too). The feature itself is shown through the card emulator over a pty.
/// </summary>
public sealed class TestCard(string credentialId, string pin) : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string CredentialId { get; } = credentialId;
    public string Pin { get; } = pin;
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem() + "\n";

    public CardAnswer Authenticate(CardChallenge challenge, string typed) =>
        Signed(typed == Pin ? CardVerdict.PinAccepted : CardVerdict.PinWrong, challenge);

    public CardAnswer Presence(CardChallenge challenge) => Signed(CardVerdict.Present, challenge);

    /// <summary>The card's answer to a server challenge, as a LAN desk console relays it.</summary>
    public CardAnswerBody Answer(IssuedCardChallenge issued, string typed)
    {
        var answer = Authenticate(Challenge(issued), typed);
        return new CardAnswerBody(answer.CredentialId, issued.ChallengeId, (int)answer.Verdict, Convert.ToBase64String(answer.Signature));
    }

    /// <summary>The Vmre-Card-Presence header of this card on a console's reader.</summary>
    public string PresenceHeader(IssuedCardChallenge issued) =>
        CardPresenceHeader.Value(issued.ChallengeId, Presence(Challenge(issued)).Signature);

    private static CardChallenge Challenge(IssuedCardChallenge issued) => CardChallenge.From(Convert.FromBase64String(issued.Challenge));

    private CardAnswer Signed(CardVerdict verdict, CardChallenge challenge) =>
        new(CredentialId, verdict, _key.SignData(CardStatement.Bytes(verdict, challenge, CredentialId), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public void Dispose() => _key.Dispose();
}
