using Vmre.Common.Election;
using Vmre.Common.Protocol;
using Vmre.Firmware.Printing;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Faults;

public sealed partial class FaultsOfTheDay
{
    /// <summary>
    /// The voter touches the wrong mark, sees it on the testigo held at the window and rejects it (POST
    /// /api/reject): the terminal prints over it, ANULADO (REJECTED), and cuts; they mark what they
    /// meant and accept the corrected testigo. Only the corrected one counts: the rejected paper
    /// carries ANULADO, and its selection no longer reads (issue 9 point 1).
    /// </summary>
    public async Task RejectsOnce(VoterAtTerminal booth, SimTerminal terminal, IReadOnlyList<Marking> markings)
    {
        say($"fault: a voter at {terminal.Id} rejects a testigo that shows a mistaken mark");
        var mistaken = Mistaken(markings);
        await booth.Select(mistaken);
        await booth.ConfirmOnScreen();
        var rejected = await terminal.Api.Reject();
        var voided = new OfficialAtTerminal(rig, terminal).TakeVoided("for the rejected testigo");
        findings.Check(rejected.IsOk && voided.Read.Void == VoidReason.VoterRejected && OfficialAtTerminal.SelectionUnreadable(voided),
            $"the voter at {terminal.Id} rejected the testigo; it came out printed over, ANULADO ({VoidReasonCodes.CodeOf(VoidReason.VoterRejected)}): its selection no longer reads");
        await booth.WaitFor("Selecting", "after a rejection the voter marks again");
        await booth.Select(markings);
        await booth.ConfirmOnScreen();
        await booth.AcceptOnScreen();
        booth.TakeAcceptedTestigo(markings);
        findings.Check(true, $"the voter at {terminal.Id} accepted the corrected testigo, counted by the recount");
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
