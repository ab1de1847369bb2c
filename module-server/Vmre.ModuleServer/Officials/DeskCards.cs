using Vmre.Common.Cards;
using Vmre.Common.Protocol;
using Vmre.Devices.OfficialCardReader;

namespace Vmre.ModuleServer.Officials;

/// <summary>
/// The officials' cards at the desk (issue 11 design §3): sign-in with the server's own desk
/// reader (card on the reader, PIN typed on the kiosk screen) or with a LAN console's answer to a
/// server challenge; and the card's presence before every state change. One check for all
/// (<see cref="OfficialCardCheck"/>).
/// </summary>
public sealed class DeskCards(IOfficialCardReader? deskReader, IssuedChallenges challenges, OfficialCardCheck check)
{
    public bool HasDeskReader => deskReader is not null;

    public SignInOutcome SignInAtDeskReader(string pin)
    {
        if (deskReader is null)
            return SignInOutcome.Refused("this module server has no desk card reader (--desk-reader): sign in from a desk console");
        // A locked credential is refused before its PIN reaches the card (the card's own counter is spared).
        if (deskReader.Read() is CardReading.Card card && check.RefuseIfLocked(card.Official.CredentialId, "session") is { } locked) return locked;
        var challenge = CardChallenge.New();
        // Asked once: a card that did answer would count a second wrong PIN; the reader itself
        // looks again for SELECT and PRESENCE, which count nothing.
        var exchange = deskReader.Authenticate(challenge, pin);
        return exchange switch
        {
            CardExchange.Answered answered => check.SignIn(answered.Answer, challenge, "session"),
            CardExchange.NoCard => SignInOutcome.Refused("put your official card on the desk reader"),
            CardExchange.Failed failed => SignInOutcome.Refused("the card could not be read: " + failed.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(exchange), exchange, "unknown card exchange"),
        };
    }

    public SignInOutcome SignInFromConsole(CardAnswerBody body)
    {
        var answer = Parse(body.CredentialId, body.Verdict, body.Signature);
        if (answer is null) return SignInOutcome.Refused("the card answer is malformed");
        var challenge = challenges.Take(body.ChallengeId);
        if (challenge is null) return SignInOutcome.Refused("unknown, used or expired challenge: ask for a new one");
        return check.SignIn(answer, challenge, "session");
    }

    /// <summary>Null when the session's own card answered PRESENCE over a fresh challenge now; otherwise why not.</summary>
    public string? PresenceProblem(DeskSession session, string? header)
    {
        switch (session.Card)
        {
            case DeskCardSource.DeskReader:
                if (deskReader is null) return "this module server has no desk card reader";
                var challenge = CardChallenge.New();
                return deskReader.Presence(challenge) switch
                {
                    CardExchange.Answered answered => check.PresenceProblem(answered.Answer, challenge, session.Official),
                    CardExchange.NoCard => "no card on the desk reader",
                    CardExchange.Failed failed => "the card could not be read: " + failed.Reason,
                    var other => throw new ArgumentOutOfRangeException(nameof(session), other, "unknown card exchange"),
                };
            case DeskCardSource.Console:
                var dot = header?.IndexOf('.') ?? -1;
                if (header is null || dot <= 0) return $"the card must be present: {CardPresenceHeader.Name} header required";
                var answer = Parse(session.Official.CredentialId, (int)CardVerdict.Present, header[(dot + 1)..]);
                var issued = challenges.Take(header[..dot]);
                if (answer is null) return $"the {CardPresenceHeader.Name} header is malformed";
                if (issued is null) return "unknown, used or expired challenge: ask for a new one";
                return check.PresenceProblem(answer, issued, session.Official);
            default:
                throw new ArgumentOutOfRangeException(nameof(session), session.Card, "unknown card source");
        }
    }

    private static CardAnswer? Parse(string? credentialId, int verdict, string? signature)
    {
        if (!CardStatement.IsCredentialId(credentialId) || verdict is < 0 or > 255 || signature is null || signature.Length > 200) return null;
        var bytes = new byte[150];
        return Convert.TryFromBase64String(signature, bytes, out var written) ? new CardAnswer(credentialId!, (CardVerdict)verdict, bytes[..written]) : null;
    }
}
