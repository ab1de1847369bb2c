using System.Collections.Concurrent;
using Vmre.Common.Cards;
using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Common.Officials;
using Vmre.Common.Signing;

namespace Vmre.ModuleServer.Officials;

/// <summary>
/// A card's answer against the challenge the server issued and the card key of the signed module
/// config (issue 11 point 1, design §1-2). Only a genuine card's PinWrong is counted toward a lock:
/// a forged or replayed answer is refused and logged but changes no count, so nobody can lock an
/// official out without that official's card. Logs name role and credential, never the PIN.
/// </summary>
public sealed class OfficialCardCheck(ModuleConfig config, OfficialLockouts lockouts, EventLog log, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, PublicKey> _keys = new(StringComparer.Ordinal);

    public OfficialIdentity? Official(string? credentialId) =>
        credentialId is not null && config.Official(credentialId) is { } o ? new OfficialIdentity(o.CredentialId, o.Role, o.Name) : null;

    /// <summary>Refused before the PIN reaches the card: a locked credential is not asked (its card's own counter is spared too).</summary>
    public SignInOutcome? RefuseIfLocked(string credentialId, string purpose)
    {
        var lockout = lockouts.Of(credentialId);
        return lockout.IsLocked(time.GetUtcNow()) ? Logged("official-pin-refused", SignInOutcome.Locked(lockout.Describe()), credentialId, purpose) : null;
    }

    /// <summary>Review finding 8: the card on the kiosk's reader belongs to a live desk-reader session; its PIN is not asked.</summary>
    public SignInOutcome RefuseSignedIn(string credentialId, string purpose) =>
        Logged("official-pin-refused", SignInOutcome.AlreadySignedIn("already signed in with this card: sign out first"), credentialId, purpose);

    /// <summary>AUTHENTICATE's answer: signed in, a counted wrong PIN, a lock, or a refusal that counts nothing.</summary>
    public SignInOutcome SignIn(CardAnswer answer, CardChallenge challenge, string purpose)
    {
        var official = config.Official(answer.CredentialId);
        if (official is null)
            return Logged("official-card-refused", SignInOutcome.Refused("this card is not an official's of this module"), Bounded(answer.CredentialId), purpose);
        var verdict = CardProof.Check(answer, challenge, official.CredentialId, KeyOf(official));
        if (!verdict.IsOk) return Logged("official-card-refused", SignInOutcome.Refused(verdict.Error!), official.CredentialId, purpose);
        var identity = new OfficialIdentity(official.CredentialId, official.Role, official.Name);
        lock (_gate) // one read-modify-write at a time, so two fast wrong PINs cannot both slip past the third
        {
            var now = time.GetUtcNow();
            var lockout = lockouts.Of(official.CredentialId);
            if (lockout.IsLocked(now)) return Logged("official-pin-refused", SignInOutcome.Locked(lockout.Describe()), official.CredentialId, purpose);
            switch (verdict.Value)
            {
                case CardVerdict.PinAccepted:
                    lockouts.Save(official.CredentialId, PinLockout.AfterRightPinOrLift());
                    return Logged("official-pin-accepted", SignInOutcome.Ok(identity), official.CredentialId, purpose);
                case CardVerdict.PinWrong:
                    var after = lockout.AfterWrongPin(now);
                    lockouts.Save(official.CredentialId, after);
                    if (!after.IsLocked(now))
                        return Logged("official-pin-refused", SignInOutcome.Refused($"wrong PIN ({after.Failures} of {PinLockout.FailuresBeforeLock} before a lock)"),
                            official.CredentialId, purpose);
                    log.Append("official-locked", identity.Actor, new()
                    {
                        ["failures"] = after.Failures.ToString(),
                        ["lockedUntil"] = after.LockedUntil!.Value.UtcDateTime.ToString("O"),
                    });
                    return Logged("official-pin-refused", SignInOutcome.Locked(after.Describe()), official.CredentialId, purpose);
                case CardVerdict.CardBlocked:
                    return Logged("official-pin-refused", SignInOutcome.Refused("the card is blocked after 10 wrong PINs: it must be replaced"), official.CredentialId, purpose);
                case CardVerdict.Present:
                    return Logged("official-card-refused", SignInOutcome.Refused("the card answered PRESENCE where a PIN check was asked"), official.CredentialId, purpose);
                default:
                    throw new ArgumentOutOfRangeException(nameof(answer), verdict.Value, "unknown card verdict");
            }
        }
    }

    /// <summary>PRESENCE's answer: the session's own card is on the reader now (design §3).</summary>
    public string? PresenceProblem(CardAnswer answer, CardChallenge challenge, OfficialIdentity official)
    {
        var entry = config.Official(official.CredentialId);
        if (entry is null) return $"{official.CredentialId} is no longer an official of this module";
        var verdict = CardProof.Check(answer, challenge, official.CredentialId, KeyOf(entry));
        if (!verdict.IsOk) return verdict.Error;
        return verdict.Value == CardVerdict.Present ? null : "the card did not answer PRESENCE";
    }

    private PublicKey KeyOf(OfficialEntry official) => _keys.GetOrAdd(official.CredentialId, _ => PublicKey.FromPem(official.CardPublicKeyPem));

    // A credential id from a request or card is logged only when it is a well-formed one (issue 11 point 2).
    private static string Bounded(string? credentialId) => CardStatement.IsCredentialId(credentialId) ? credentialId! : "-";

    private SignInOutcome Logged(string evt, SignInOutcome outcome, string credentialId, string purpose)
    {
        var role = config.Official(credentialId)?.Role.ToString().ToLowerInvariant() ?? "unauthenticated";
        log.Append(evt, new Actor(role, credentialId),
            new() { ["purpose"] = purpose, ["outcome"] = outcome.Status.ToString().ToLowerInvariant(), ["reason"] = outcome.Reason ?? "-" });
        return outcome;
    }
}
