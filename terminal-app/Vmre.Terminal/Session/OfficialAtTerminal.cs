using Vmre.Common.Serialization;
using Vmre.Common.Cards;
using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Common.Officials;
using Vmre.Common.Signing;
using Vmre.Devices.OfficialCardReader;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// rules.md R8 at the terminal, issue 11 point 1: an official puts their VMRE-K2 card on the reader
/// and types the PIN on the screen; the card checks the PIN itself and signs its verdict over a
/// fresh challenge, verified against the card key of the signed module config. Nothing on the
/// terminal can test a PIN guess. Only a genuine card's wrong PIN counts toward a lock
/// (<see cref="PinLockout"/>, kept in the vote store's integrity-protected counters); the
/// presidente's accepted card and PIN lift the desk officials' current locks at this terminal.
/// Observers read only, so they cannot act here.
/// </summary>
public sealed class OfficialAtTerminal(IOfficialCardReader reader, ModuleConfig config, VoteStore store, EventLog log, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public Parsed<OfficialEntry> Check(string pin)
    {
        var card = CardOf(Look(reader.Read, r => r is CardReading.Card), out var unread);
        if (card is null) return Refuse(unread!, null);
        var official = config.Official(card.CredentialId);
        if (official is null)
            return Refuse($"card {card.CredentialId} is not an official of module {config.ModuleId}", CardStatement.IsCredentialId(card.CredentialId) ? card.CredentialId : null);
        if (official.Role == OfficialRole.Observer) return Refuse("observers may not act on a terminal", card.CredentialId);
        var now = _time.GetUtcNow();
        var lockout = LockoutOf(official.CredentialId);
        // A locked credential is refused before the PIN reaches the card (its own counter is spared).
        if (lockout.IsLocked(now)) return Refuse($"{lockout.Describe()} at this terminal", official.CredentialId);
        // The card takes 4-8 digits; anything else never reaches it (and is not a wrong PIN).
        if (pin is not { Length: >= 4 and <= 8 } || !pin.All(char.IsAsciiDigit)) return Refuse("the PIN is 4 to 8 digits", official.CredentialId);

        var challenge = CardChallenge.New();
        // AUTHENTICATE is asked once: a card that did answer would count a second wrong PIN (its own
        // try counter); the reader itself looks again for SELECT, which counts nothing.
        var exchange = reader.Authenticate(challenge, pin);
        if (exchange is not CardExchange.Answered answered)
            return Refuse(exchange switch
            {
                CardExchange.NoCard => "present your official card to the reader",
                CardExchange.Failed failed => "the card could not be read: " + failed.Reason,
                _ => throw new ArgumentOutOfRangeException(nameof(pin), exchange, "unknown card exchange"),
            }, official.CredentialId);
        var verdict = CardProof.Check(answered.Answer, challenge, official.CredentialId, PublicKey.FromPem(official.CardPublicKeyPem));
        // Not a genuine answer of that card: refused, logged, and never counted (design §1).
        if (!verdict.IsOk) return Refuse(verdict.Error!, official.CredentialId);
        switch (verdict.Value)
        {
            case CardVerdict.PinAccepted:
                Save(official.CredentialId, PinLockout.AfterRightPinOrLift());
                if (official.Role == OfficialRole.Presidente) LiftOthers(official, now);
                return Parsed<OfficialEntry>.Ok(official);
            case CardVerdict.PinWrong:
                var after = WholeSeconds(lockout.AfterWrongPin(now));
                Save(official.CredentialId, after);
                if (!after.IsLocked(now)) return Refuse($"wrong PIN ({after.Failures} of {PinLockout.FailuresBeforeLock})", official.CredentialId);
                log.Append("official-locked", Actor(official), new()
                {
                    ["failures"] = after.Failures.ToString(),
                    ["lockedUntil"] = after.LockedUntil!.Value.UtcDateTime.ToString("O"),
                });
                return Refuse($"{after.Describe()} at this terminal", official.CredentialId);
            case CardVerdict.CardBlocked:
                return Refuse("the card is blocked after 10 wrong PINs: it must be replaced", official.CredentialId);
            case CardVerdict.Present:
                return Refuse("the card answered PRESENCE where a PIN check was asked", official.CredentialId);
            default:
                throw new ArgumentOutOfRangeException(nameof(pin), verdict.Value, "unknown card verdict");
        }
    }

    /// <summary>
    /// Issue 11 point 1: the presidente's card and PIN at this terminal lift the locks of the
    /// desk officials (secretario, escrutador) locked here now. Review finding 13: nothing else is
    /// touched silently — a failure count below a lock stays, a technician's or observer's lock is
    /// never lifted this way (it waits out its time), and each lift is logged by name before it is
    /// saved. Lifting stays part of an accepted presidente action (clearing a fault, ending a
    /// session): it is not yet a separate action of its own.
    /// </summary>
    private void LiftOthers(OfficialEntry presidente, DateTimeOffset now)
    {
        foreach (var other in config.Officials.Where(o => o.CredentialId != presidente.CredentialId
            && o.Role is OfficialRole.Secretario or OfficialRole.Escrutador))
        {
            var lockout = LockoutOf(other.CredentialId);
            if (!lockout.IsLocked(now)) continue;
            log.Append("official-lockout-lifted", Actor(presidente), new()
            {
                ["credential"] = other.CredentialId,
                ["role"] = other.Role.ToString().ToLowerInvariant(),
                ["was"] = lockout.Describe(),
            });
            Save(other.CredentialId, PinLockout.AfterRightPinOrLift());
        }
    }

    /// <summary>
    /// Looks again after an unreadable read or exchange, as an official would lift the card and
    /// put it back: an InDataExchange cut short (PN532 user manual §7.3.8: RF time-out, a card at
    /// the edge of the field, a reply late on a loaded board) fails one look, and the reader starts
    /// the next with a fresh wake-up. "No card" is looked for again too: the binding's
    /// ListPassiveTarget returns the same null for "no target" and "no answer in time", and a
    /// reply late on a loaded board must not turn the official away (CI saw it in a 200-voter run).
    /// </summary>
    private static T Look<T>(Func<T> once, Func<T, bool> done)
    {
        var result = once();
        for (var again = 1; again < LooksPerCheck && !done(result); again++) result = once();
        return result;
    }

    private const int LooksPerCheck = 3;

    private static OfficialCard? CardOf(CardReading reading, out string? refusal)
    {
        refusal = reading switch
        {
            CardReading.Card => null,
            CardReading.NoCard => "present your official card to the reader",
            CardReading.Unreadable unreadable => "the card could not be read: " + unreadable.Reason,
            _ => throw new ArgumentOutOfRangeException(nameof(reading), reading, "unknown card reading"),
        };
        return (reading as CardReading.Card)?.Official;
    }

    // The lock lives in two counters of the vote store (its header's MAC keeps them honest, as
    // every counter): the consecutive wrong PINs, and the lock's end in Unix seconds (0: none).
    private static string FailureCounter(string credentialId) => "pin-failures:" + credentialId;
    private static string LockCounter(string credentialId) => "pin-locked-until:" + credentialId;

    private PinLockout LockoutOf(string credentialId)
    {
        var failures = store.Counter(FailureCounter(credentialId));
        var until = store.Counter(LockCounter(credentialId));
        return failures == 0 && until == 0 ? PinLockout.Clear
            : new PinLockout(failures, until == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(until));
    }

    private void Save(string credentialId, PinLockout lockout)
    {
        store.Set(FailureCounter(credentialId), lockout.Failures);
        // Unix seconds fit the counter until 2038.
        store.Set(LockCounter(credentialId), lockout.LockedUntil is { } until ? (int)until.ToUnixTimeSeconds() : 0);
    }

    /// <summary>The lock's end rounded up to the second the counter keeps, so a lock never ends early and reads back the same.</summary>
    private static PinLockout WholeSeconds(PinLockout lockout) => lockout.LockedUntil is { } until
        ? lockout with { LockedUntil = DateTimeOffset.FromUnixTimeSeconds((long)Math.Ceiling(until.ToUnixTimeMilliseconds() / 1000.0)) }
        : lockout;

    private static Actor Actor(OfficialEntry official) => new(official.Role.ToString().ToLowerInvariant(), official.CredentialId);

    private Parsed<OfficialEntry> Refuse(string reason, string? credential)
    {
        log.Append("official-refused", credential is null ? null : new Actor("official", credential), new() { ["reason"] = reason });
        return Parsed<OfficialEntry>.Fail(reason);
    }
}
