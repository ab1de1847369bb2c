using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Common.Cards;

/// <summary>
/// Checks a card's answer against the challenge the verifier issued and the card key the signed
/// module config lists for that credential (rules.md R8, issue 11 point 1). A refusal means "not
/// a genuine answer of that card to this challenge": it is never counted as a PIN failure.
/// </summary>
public static class CardProof
{
    public static Parsed<CardVerdict> Check(CardAnswer answer, CardChallenge challenge, string expectedCredentialId, PublicKey cardKey)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(challenge);
        if (!CardStatement.IsCredentialId(answer.CredentialId))
            return Parsed<CardVerdict>.Fail("the card gave a malformed credential id", RefusalKind.Unauthorized);
        if (answer.CredentialId != expectedCredentialId)
            return Parsed<CardVerdict>.Fail($"the card on the reader is {answer.CredentialId}, not {expectedCredentialId}", RefusalKind.Unauthorized);
        if (!Enum.IsDefined(answer.Verdict))
            return Parsed<CardVerdict>.Fail($"the card answered an unknown verdict 0x{(byte)answer.Verdict:X2}", RefusalKind.Unauthorized);
        var statement = CardStatement.Bytes(answer.Verdict, challenge, answer.CredentialId);
        if (answer.Signature is null || !cardKey.Verify(statement, answer.Signature))
            return Parsed<CardVerdict>.Fail($"the card's answer is not signed by the card registered for {expectedCredentialId}", RefusalKind.Unauthorized);
        return Parsed<CardVerdict>.Ok(answer.Verdict);
    }
}
