using Vmre.Common.Election;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Activations;
using Vmre.ModuleServer.Officials;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Voters;

/// <summary>
/// No stranded voter (issue 8 point 4): a voter marked as voted whose activation was lost or
/// expired gets a new one. In one transaction the unredeemed activation is voided, its voter
/// link erased and a new activation issued and linked. A redeemed activation has no link left,
/// so it can never be re-issued (the voter voted: rules.md R4). The log line carries the
/// official, the outcome and, once re-issued, the official's reason, like check-in never the
/// voter or the nonce (rules.md R2). Runs only while the polls are open (Http/OpenPollsFilter).
/// </summary>
public sealed class ReissueDesk(ModuleDatabase db, ElectionPackage package, ActivationTokens tokens, EventLog log, TimeProvider time)
{
    public ActivationReissueResponse Reissue(ActivationReissueRequest request, OfficialIdentity official)
    {
        var (answer, reason) = Replace(request);
        if (answer.Outcome == ReissueOutcome.Reissued)
            log.Append("activation-reissued", official.Actor, new() { ["outcome"] = Name(answer.Outcome), ["reason"] = reason! });
        else
            log.Append("activation-reissue-refused", official.Actor, new() { ["outcome"] = Name(answer.Outcome) });
        return answer;
    }

    /// <summary>A re-issue while the polls are not open: refused and logged like any other.</summary>
    public ActivationReissueResponse PollsShut(OfficialIdentity official, string reason)
    {
        var answer = new ActivationReissueResponse(ReissueOutcome.PollsNotOpen, reason, null, null);
        log.Append("activation-reissue-refused", official.Actor, new() { ["outcome"] = Name(answer.Outcome) });
        return answer;
    }

    private (ActivationReissueResponse Answer, string? Reason) Replace(ActivationReissueRequest request)
    {
        var clave = ClaveDeElector.Normalise(request.Clave);
        if (!clave.IsOk) return (Refused(ReissueOutcome.InvalidCredential, clave.Error!), null);
        var reason = ReissueReason.Check(request.Reason, clave.Value!);
        if (!reason.IsOk) return (Refused(ReissueOutcome.InvalidReason, reason.Error!), null);

        using var connection = db.Connect();
        using var tx = connection.BeginTransaction();
        var voter = VoterList.ByClave(connection, clave.Value!, tx);
        if (voter is null) return (Refused(ReissueOutcome.NotInList, "not in the LNERE slice of this module"), null);
        var style = package.StyleForEntidad(voter.Entidad);
        if (!voter.Voted || style is null)
            return (Refused(ReissueOutcome.NotCheckedIn, "this voter was not given an activation: check them in instead"), null);
        if (!ActivationLedger.VoidUnredeemed(connection, tx, voter.Clave))
            return (Refused(ReissueOutcome.AlreadyRedeemed, "this voter's activation was redeemed: they have voted, nothing is re-issued"), null);

        var nonce = ActivationLedger.Issue(connection, tx, style.Id, voter.Clave, time.GetUtcNow());
        // Signed before commit: a crash here leaves the old activation in place (rules.md R6).
        var token = tokens.Issue(style.Id, nonce);
        tx.Commit();
        return (new(ReissueOutcome.Reissued, "the old activation is void; hand the voter this one", token, style.Id), reason.Value);
    }

    private static ActivationReissueResponse Refused(ReissueOutcome outcome, string reason) => new(outcome, reason, null, null);

    private static string Name(ReissueOutcome outcome) => outcome.ToString();
}
