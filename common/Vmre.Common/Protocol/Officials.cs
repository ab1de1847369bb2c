namespace Vmre.Common.Protocol;

/// <summary>
/// Desk sign-in (issue 11 design §3). On the server's own screen the official's card is on the
/// server's desk reader and only the PIN comes in the body (<see cref="Pin"/>); a LAN desk console
/// reads its own card and sends the card's signed answer (<see cref="CardAnswer"/>) to a challenge
/// from <see cref="ServerRoutes.OfficialChallenge"/>. Exactly one of the two.
/// </summary>
public sealed record OfficialSignIn(string? Pin = null, CardAnswerBody? CardAnswer = null);

/// <summary>
/// A card's answer as a console relays it: the credential id the card gave at SELECT, the id of
/// the server's challenge, the card's verdict byte (1 PIN accepted, 2 PIN wrong, 3 card blocked,
/// 16 present) and its DER ECDSA P-256 signature, base64.
/// </summary>
public sealed record CardAnswerBody(string CredentialId, string ChallengeId, int Verdict, string Signature);

/// <summary>A challenge the server issued (single use, 60 s): its id (32 hex) and the 32 bytes, base64.</summary>
public sealed record IssuedCardChallenge(string ChallengeId, string Challenge);

/// <summary>A desk session: its bearer token, who holds it and their role (kebab-case role name).</summary>
public sealed record OfficialSession(string Token, string Role, string Name, string CredentialId);

/// <summary>Lift a credential's PIN lock: the presidente for another official; two other officials for the presidente's own.</summary>
public sealed record OfficialUnlockRequest(string CredentialId);

/// <summary>What an unlock request did: lifted, or one approval recorded (the presidente's own needs two).</summary>
public sealed record OfficialUnlockAnswer(string CredentialId, bool Lifted, int Approvals, string Detail);

/// <summary>The PIN an official types on a terminal's screen (POST /api/official/…); the card is read from the reader.</summary>
public sealed record OfficialPin(string? Pin);

public sealed record ErrorBody(string Error);

/// <summary>How a LAN console proves the session's card is on its reader now (issue 11 design §3).</summary>
public static class CardPresenceHeader
{
    public const string Name = "Vmre-Card-Presence";

    /// <summary><c>CHALLENGEID.BASE64SIGNATURE</c>, the card's PRESENCE answer over that challenge.</summary>
    public static string Value(string challengeId, byte[] signature) => challengeId + "." + Convert.ToBase64String(signature);
}
