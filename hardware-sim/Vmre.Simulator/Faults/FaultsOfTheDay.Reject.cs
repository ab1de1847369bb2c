using Vmre.Common.Election;
using Vmre.Common.Protocol;
using Vmre.Firmware.Printing;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Faults;

public sealed partial class FaultsOfTheDay
{
    /// <summary>
    /// The voter touches the wrong mark, sees it on the testigo and rejects it (POST /api/reject): the
    /// notice voiding it prints, they mark what they meant and accept the corrected testigo. Only the
    /// corrected one counts (the recount leaves the rejected one out by its notice).
    /// </summary>
    public async Task RejectsOnce(VoterAtTerminal booth, SimTerminal terminal, IReadOnlyList<Marking> markings)
    {
        say($"fault: a voter at {terminal.Id} rejects a testigo that shows a mistaken mark");
        var mistaken = Mistaken(markings);
        await booth.Select(mistaken);
        await booth.ConfirmOnScreen();
        var wrong = booth.LookAtTestigo(mistaken);
        var rejected = await terminal.Api.Reject();
        var notice = new OfficialAtTerminal(rig, terminal).TakeNotice("for the rejected testigo");
        findings.Check(rejected.IsOk && notice.Reason == VoidReason.VoterRejected,
            $"the voter at {terminal.Id} rejected the testigo; the voiding notice ({VoidReasonCodes.CodeOf(notice.Reason)}) names it");
        await booth.WaitFor("Selecting", "after a rejection the voter marks again");
        await booth.Select(markings);
        await booth.ConfirmOnScreen();
        var corrected = booth.LookAtTestigo(markings);
        await booth.AcceptOnScreen();
        findings.Check(corrected.Encode() != wrong.Encode(), $"the voter at {terminal.Id} accepted the corrected testigo");
    }

    /// <summary>The first contest marked otherwise than the voter meant (nothing instead of a mark, or a mark instead of nothing).</summary>
    private List<Marking> Mistaken(IReadOnlyList<Marking> markings)
    {
        var first = markings[0];
        var contest = rig.Package.Contests.First(c => c.Id == first.ContestId);
        var slip = first.Kind == MarkingKind.Nothing ? Marking.Parties(contest.Id, contest.PartyCodes.First()) : Marking.Nothing(contest.Id);
        return [slip, .. markings.Skip(1)];
    }
}
