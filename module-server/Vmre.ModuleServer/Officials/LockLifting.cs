using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Common.Officials;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Officials;

/// <summary>
/// Lifting a PIN lock early (issue 11 point 1, design §2): the presidente (session and card) for
/// any other credential; the presidente's own needs two distinct other officials (secretario,
/// escrutador) to approve within ten minutes. Every approval and lift is logged with who did it,
/// the line written before the change it records (rules.md: log before commit).
/// Review finding 7: an approval is accepted only while the presidente is locked and is kept for
/// that lock alone (keyed to its locked-until): a lift, the lock's expiry or a right PIN ends the
/// lock, and with it every approval given for it, so none can be banked for a later lock.
/// Approvals are held in memory: a restart forgets them, which only asks for them again.
/// </summary>
public sealed class LockLifting(ModuleConfig config, OfficialLockouts lockouts, EventLog log, TimeProvider time)
{
    public static readonly TimeSpan ApprovalWindow = TimeSpan.FromMinutes(10);
    public const int ApprovalsForThePresidente = 2;
    private readonly object _gate = new();
    private readonly Dictionary<string, LockApprovals> _approvals = new(StringComparer.Ordinal);

    /// <summary>The approvals given for one lock, named by the moment it ends.</summary>
    private sealed record LockApprovals(DateTimeOffset LockedUntil, Dictionary<string, DateTimeOffset> By);

    public Parsed<OfficialUnlockAnswer> Lift(OfficialIdentity by, string? credentialId)
    {
        var target = credentialId is null ? null : config.Official(credentialId);
        if (target is null) return Parsed<OfficialUnlockAnswer>.Fail("no official of this module has that credential", RefusalKind.Invalid);
        if (target.CredentialId == by.CredentialId)
            return Refuse(by, target, "no official may lift their own lock");
        var details = new Dictionary<string, string> { ["credential"] = target.CredentialId, ["role"] = Role(target.Role) };
        lock (_gate)
        {
            if (by.Role == OfficialRole.Presidente)
                return Lifted(by, target, details, "lifted by the presidente");
            if (target.Role != OfficialRole.Presidente || !by.MayApproveUnlock)
                return Refuse(by, target, $"a {Role(by.Role)} may not lift a {Role(target.Role)}'s lock: the presidente does");
            var now = time.GetUtcNow();
            var lockout = lockouts.Of(target.CredentialId);
            if (!lockout.IsLocked(now) || lockout.LockedUntil is not { } lockedUntil)
            {
                _approvals.Remove(target.CredentialId);
                return Refuse(by, target, $"{target.CredentialId} is not locked: there is nothing to approve");
            }
            // A lock that ended (expired, lifted, right PIN) and a new one has another locked-until.
            if (!_approvals.TryGetValue(target.CredentialId, out var held) || held.LockedUntil != lockedUntil)
                _approvals[target.CredentialId] = held = new LockApprovals(lockedUntil, new(StringComparer.Ordinal));
            var approvals = held.By;
            foreach (var stale in approvals.Where(a => now - a.Value > ApprovalWindow).Select(a => a.Key).ToList()) approvals.Remove(stale);
            var count = approvals.ContainsKey(by.CredentialId) ? approvals.Count : approvals.Count + 1;
            log.Append("official-unlock-approved", by.Actor, new(details) { ["approvals"] = count.ToString() });
            approvals[by.CredentialId] = now;
            if (approvals.Count < ApprovalsForThePresidente)
                return Parsed<OfficialUnlockAnswer>.Ok(new OfficialUnlockAnswer(target.CredentialId, false, approvals.Count,
                    $"approval {approvals.Count} of {ApprovalsForThePresidente} recorded; another official must approve within {ApprovalWindow.TotalMinutes:0} minutes"));
            return Lifted(by, target, new(details) { ["approvedBy"] = string.Join(",", approvals.Keys.Order(StringComparer.Ordinal)) },
                $"lifted on the approval of {ApprovalsForThePresidente} officials");
        }
    }

    private Parsed<OfficialUnlockAnswer> Lifted(OfficialIdentity by, OfficialEntry target, Dictionary<string, string> details, string how)
    {
        var before = lockouts.Of(target.CredentialId);
        log.Append("official-lockout-lifted", by.Actor, new(details) { ["was"] = before.Describe() });
        lockouts.Save(target.CredentialId, PinLockout.AfterRightPinOrLift());
        _approvals.Remove(target.CredentialId);
        return Parsed<OfficialUnlockAnswer>.Ok(new OfficialUnlockAnswer(target.CredentialId, true, 0, $"{target.CredentialId}: {how} (was: {before.Describe()})"));
    }

    private Parsed<OfficialUnlockAnswer> Refuse(OfficialIdentity by, OfficialEntry target, string reason)
    {
        log.Append("official-unlock-refused", by.Actor, new() { ["credential"] = target.CredentialId, ["reason"] = reason });
        return Parsed<OfficialUnlockAnswer>.Fail(reason, RefusalKind.Forbidden);
    }

    private static string Role(OfficialRole role) => role.ToString().ToLowerInvariant();
}
