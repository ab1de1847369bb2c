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
/// Issue 11 point 2: the change waits for its log line. <c>activation-reissued</c> is appended
/// (fsynced) inside the transaction, before the commit; if the append or the commit fails on a full
/// disk the transaction rolls back, the old activation stays as it was, and the answer is 503.
/// The official's reason is logged as typed: checked at the boundary (ReissueReason: one line,
/// bounded, not naming the voter) because it is written for the log.
/// </summary>
public sealed class ReissueDesk(ModuleDatabase db, ElectionPackage package, ActivationTokens tokens, EventLog log, TimeProvider time)
{
    public static readonly string DiskFull = DiskRoom.FullReason("re-issues");

    public Committed<ActivationReissueResponse> Reissue(ActivationReissueRequest request, OfficialIdentity official)
    {
        try
        {
            var answer = Replace(request, official);
            if (answer.Outcome != ReissueOutcome.Reissued)
                log.Append("activation-reissue-refused", official.Actor, new() { ["outcome"] = Name(answer.Outcome) });
            return Committed<ActivationReissueResponse>.Of(answer);
        }
        catch (Exception e) when (DiskRoom.IsFull(e))
        {
            return Committed<ActivationReissueResponse>.NotWritten(DiskFull);
        }
    }

    /// <summary>A re-issue while the polls are not open: refused and logged like any other.</summary>
    public ActivationReissueResponse PollsShut(OfficialIdentity official, string reason)
    {
        var answer = new ActivationReissueResponse(ReissueOutcome.PollsNotOpen, reason, null, null);
        log.Append("activation-reissue-refused", official.Actor, new() { ["outcome"] = Name(answer.Outcome) });
        return answer;
    }

    private ActivationReissueResponse Replace(ActivationReissueRequest request, OfficialIdentity official)
    {
        var clave = ClaveDeElector.Normalise(request.Clave);
        if (!clave.IsOk) return Refused(ReissueOutcome.InvalidCredential, clave.Error!);
        var reason = ReissueReason.Check(request.Reason, clave.Value!);
        if (!reason.IsOk) return Refused(ReissueOutcome.InvalidReason, reason.Error!);

        using var connection = db.Connect();
        using var tx = connection.BeginTransaction();
        var voter = VoterList.ByClave(connection, clave.Value!, tx);
        if (voter is null) return Refused(ReissueOutcome.NotInList, "not in the LNERE slice of this module");
        var style = package.StyleForEntidad(voter.Entidad);
        if (!voter.Voted || style is null)
            return Refused(ReissueOutcome.NotCheckedIn, "this voter was not given an activation: check them in instead");
        if (!ActivationLedger.VoidUnredeemed(connection, tx, voter.Clave))
            return Refused(ReissueOutcome.AlreadyRedeemed, "this voter's activation was redeemed: they have voted, nothing is re-issued");

        var nonce = ActivationLedger.Issue(connection, tx, style.Id, voter.Clave, time.GetUtcNow());
        // Signed before commit: a crash here leaves the old activation in place (rules.md R6).
        var token = tokens.Issue(style.Id, nonce);
        // Issue 11 point 2: the log line first; a failed append throws and the transaction rolls back.
        log.Append("activation-reissued", official.Actor, new() { ["outcome"] = Name(ReissueOutcome.Reissued), ["reason"] = reason.Value! });
        tx.Commit();
        return new(ReissueOutcome.Reissued, "the old activation is void; hand the voter this one", token, style.Id);
    }

    private static ActivationReissueResponse Refused(ReissueOutcome outcome, string reason) => new(outcome, reason, null, null);

    private static string Name(ReissueOutcome outcome) => outcome.ToString();
}
