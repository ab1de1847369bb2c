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

    /// <param name="signedIn">Whether a credential has a live desk-reader session (review finding 8).</param>
    public SignInOutcome SignInAtDeskReader(string pin, Func<string, bool> signedIn)
    {
        if (deskReader is null)
            return SignInOutcome.Refused("this module server has no desk card reader (--desk-reader): sign in from a desk console");
        if (deskReader.Read() is CardReading.Card card)
        {
            // Review finding 8: the card of a signed-in official left on the reader is not offered
            // to whoever stands at the kiosk: no PIN reaches it, so no lock and no card try is spent.
            if (signedIn(card.Official.CredentialId)) return check.RefuseSignedIn(card.Official.CredentialId, "session");
            // A locked credential is refused before its PIN reaches the card (the card's own counter is spared).
            if (check.RefuseIfLocked(card.Official.CredentialId, "session") is { } locked) return locked;
        }
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

    public SignInOutcome SignInFromConsole(CardAnswerBody body, DeskPlace place)
    {
        var answer = Parse(body.CredentialId, body.Verdict, body.Signature);
        if (answer is null) return SignInOutcome.Refused("the card answer is malformed");
        var challenge = challenges.Take(body.ChallengeId, place);
        if (challenge is null) return SignInOutcome.Refused("unknown, used or expired challenge: ask for a new one");
        return check.SignIn(answer, challenge, "session");
    }

    /// <summary>
    /// Review finding 5: a desk-reader session's card is still the one on the reader (a cheap read
    /// of the credential id, for every request of the session); null when it is, otherwise why not.
    /// Console sessions prove presence per state change (<see cref="Presence"/>).
    /// </summary>
    public string? DeskReaderCardGone(DeskSession session)
    {
        if (session.Card != DeskCardSource.DeskReader) return null;
        if (deskReader is null) return "this module server has no desk card reader";
        return deskReader.Read() switch
        {
            CardReading.Card card when card.Official.CredentialId == session.Official.CredentialId => null,
            CardReading.Card => "another card is on the desk reader",
            CardReading.NoCard => "no card on the desk reader",
            CardReading.Unreadable unreadable => "the card could not be read: " + unreadable.Reason,
            var other => throw new ArgumentOutOfRangeException(nameof(session), other, "unknown card reading"),
        };
    }

    /// <summary>Whether the session's own card answered PRESENCE over a fresh challenge now (issue 11 design §3).</summary>
    public CardPresence Presence(DeskSession session, string? header)
    {
        switch (session.Card)
        {
            case DeskCardSource.DeskReader:
                if (deskReader is null) return new CardPresence.Gone("this module server has no desk card reader");
                var challenge = CardChallenge.New();
                return deskReader.Presence(challenge) switch
                {
                    CardExchange.Answered answered => Checked(check.PresenceProblem(answered.Answer, challenge, session.Official)),
                    CardExchange.NoCard => new CardPresence.Gone("no card on the desk reader"),
                    CardExchange.Failed failed => new CardPresence.Gone("the card could not be read: " + failed.Reason),
                    var other => throw new ArgumentOutOfRangeException(nameof(session), other, "unknown card exchange"),
                };
            case DeskCardSource.Console:
                // No header is the console saying its reader has no card (ModuleServerClient sends
                // none then): the session ends. Review finding 4: a malformed, unknown or expired
                // proof refuses this request only; otherwise it ends only when another card answered.
                if (header is null) return new CardPresence.Gone($"the card must be present: {CardPresenceHeader.Name} header required");
                var dot = header.IndexOf('.');
                if (dot <= 0) return new CardPresence.Unproven($"the {CardPresenceHeader.Name} header is malformed");
                var answer = Parse(session.Official.CredentialId, (int)CardVerdict.Present, header[(dot + 1)..]);
                if (answer is null) return new CardPresence.Unproven($"the {CardPresenceHeader.Name} header is malformed");
                var issued = challenges.Take(header[..dot], session.Place);
                if (issued is null) return new CardPresence.Unproven("the presence challenge is unknown or expired: ask for a new one");
                return Checked(check.PresenceProblem(answer, issued, session.Official));
            default:
                throw new ArgumentOutOfRangeException(nameof(session), session.Card, "unknown card source");
        }
    }

    private static CardPresence Checked(string? problem) => problem is null ? CardPresence.Here : new CardPresence.Gone(problem);

    private static CardAnswer? Parse(string? credentialId, int verdict, string? signature)
    {
        if (!CardStatement.IsCredentialId(credentialId) || verdict is < 0 or > 255 || signature is null || signature.Length > 200) return null;
        var bytes = new byte[150];
        return Convert.TryFromBase64String(signature, bytes, out var written) ? new CardAnswer(credentialId!, (CardVerdict)verdict, bytes[..written]) : null;
    }
}
