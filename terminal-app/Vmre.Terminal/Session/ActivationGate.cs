using Vmre.Common.Election;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// Between a scanned code and a ballot (rules.md R4): the token must be this module server's
/// (one check with the server's, <see cref="ActivationCheck"/>), name a style of the installed
/// package, and be burned at the server, whose signed answer names the style it stored at issue.
/// Only that style opens a ballot; a server that signs another is refused (issue 7).
/// </summary>
public sealed class ActivationGate(InstalledElection election, IActivationRedeemer redeemer, VoteVault vault)
{
    /// <param name="refusal">When refused, its code for the hour's count (<see cref="VoterRefusals"/>); the prose is for the screen.</param>
    public Parsed<BallotStyle> Redeem(string code, out string refusal)
    {
        var check = ActivationCheck.Of(code, election.Module.ModuleId, election.PackageHash, election.ServerKey);
        switch (check.Flaw)
        {
            case ActivationFlaw.None: break;
            case ActivationFlaw.Malformed: refusal = VoterRefusals.Malformed; return Parsed<BallotStyle>.Fail("not an activation code: " + check.Detail);
            case ActivationFlaw.NotSigned: refusal = VoterRefusals.NotSigned; return Parsed<BallotStyle>.Fail("activation not signed by this module's server");
            case ActivationFlaw.OtherModule: refusal = VoterRefusals.OtherModule; return Parsed<BallotStyle>.Fail($"activation belongs to module {check.Detail}");
            case ActivationFlaw.OtherPackage: refusal = VoterRefusals.OtherPackage; return Parsed<BallotStyle>.Fail($"activation belongs to another election package ({check.Detail})");
            default: throw new ArgumentOutOfRangeException(nameof(code), check.Flaw, "unknown activation flaw");
        }
        // Issue 10 point 2: a store that failed verification takes no new testigo, so no activation
        // is burned for a ballot that could not be recorded.
        if (vault.IntegrityFindings.Count > 0)
        {
            refusal = VoterRefusals.StoreIntegrity;
            return Parsed<BallotStyle>.Fail("this terminal is out of service: its vote store failed verification; call an official");
        }
        var style = election.Package.Style(check.Token!.BallotStyle);
        refusal = VoterRefusals.UnknownStyle;
        if (style is null) return Parsed<BallotStyle>.Fail($"unknown ballot style {check.Token.BallotStyle}");
        RedeemResponse redeemed;
        // The redeemer signs in the TPM and talks to the server; no answer means no ballot
        // (rules.md R4), refused like any other rather than escaping as HTTP 500.
        try { redeemed = redeemer.Redeem(code); }
        catch (Exception e)
        {
            refusal = VoterRefusals.ServerUnreachable;
            return Parsed<BallotStyle>.Fail($"activation could not be redeemed: {e.GetType().Name}: {e.Message}");
        }
        refusal = VoterRefusals.RefusedByServer;
        if (!redeemed.Accepted) return Parsed<BallotStyle>.Fail(redeemed.Reason ?? "refused by the module server");
        vault.ActivationRedeemed();
        if (redeemed.BallotStyle != style.Id)
        {
            // Burned at the server but no ballot here: a session without a vote, so the terminal's
            // counts still reconcile with the server's redemptions (rules.md R6).
            vault.SessionWithoutVote();
            refusal = VoterRefusals.StyleMismatch;
            return Parsed<BallotStyle>.Fail($"the module server redeemed ballot style {redeemed.BallotStyle}, not the activation's {style.Id}; call an official");
        }
        refusal = "";
        return Parsed<BallotStyle>.Ok(style);
    }
}
