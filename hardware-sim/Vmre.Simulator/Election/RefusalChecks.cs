using Vmre.Common.Protocol;
using Vmre.Simulator.Voters;

namespace Vmre.Simulator.Election;

/// <summary>
/// What the module must refuse, each with a clear reason (brief section 2.3; rules.md R4): a person
/// not in the list, one registered for postal voting, one assigned to another module, a voter
/// checking in twice, an activation replayed at another terminal, a forged activation.
/// </summary>
public sealed class RefusalChecks(ModuleRig rig, Findings findings, Action<string> say)
{
    public async Task Run(VoterPlan plan, string usedToken)
    {
        say("refusals: not in list, postal, other module, twice, replayed and forged activations");
        await ExpectDesk(new CheckInLookupRequest(null, plan.UnknownClave), CheckInOutcome.NotInList, "a clave not in the LNERE");
        await ExpectDesk(new CheckInLookupRequest(null, plan.PostalVoter.Clave), CheckInOutcome.BlockedPostal, "a voter registered for postal voting");
        await ExpectDesk(new CheckInLookupRequest(CredentialScan.Mrz(plan.OtherModuleVoter), null), CheckInOutcome.OtherModule,
            "a voter assigned to another module (scanned credential)");
        var first = plan.Voters[0].Person;
        await ExpectDesk(new CheckInLookupRequest(null, first.Clave), CheckInOutcome.AlreadyVoted, "a voter checking in a second time");
        var again = await rig.Server.ConfirmCheckIn(CheckInConfirmRequest.Fresh(first.Clave));
        findings.Check(again.Value is { Outcome: CheckInOutcome.AlreadyVoted, ActivationToken: null },
            $"confirming a second check-in issues no activation: {again.Value?.Outcome} {again.Value?.Reason ?? again.Error}");

        foreach (var terminal in rig.Terminals)
        {
            var replay = await terminal.Api.Activate(usedToken);
            findings.Check(!replay.IsOk, $"used activation replayed at {terminal.Id} refused: {replay.Error}");
        }
        // A fresh nonce nobody issued under the used token's signature: refused only if the signature
        // is checked (tampering with the used token itself would be refused as a replay anyway).
        var parts = usedToken.Split('|');
        parts[4] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var forged = string.Join('|', parts);
        var forgery = await rig.Terminals[^1].Api.Activate(forged);
        findings.Check(!forgery.IsOk, $"forged activation refused: {forgery.Error}");
    }

    private async Task ExpectDesk(CheckInLookupRequest request, CheckInOutcome expected, string who)
    {
        var answer = await rig.Server.LookUp(request);
        var got = answer.Value?.Outcome;
        findings.Check(got == expected && answer.Value?.Voter is null || got == expected && expected == CheckInOutcome.AlreadyVoted,
            $"{who}: desk answered {got?.ToString() ?? answer.Error} — {answer.Value?.Reason}");
    }
}
