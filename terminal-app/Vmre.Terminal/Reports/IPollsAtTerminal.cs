using Vmre.Terminal.Session;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Reports;

/// <summary>
/// What opening and closing need of the terminal, and nothing more (issue 7): the polls, a close
/// that waits for no voter (rules.md R1 and R6), the counts, and the sealed votes opened for the
/// count. The booth answers it; the desk never sees the session, the store or the storage key.
/// </summary>
public interface IPollsAtTerminal
{
    TerminalPolls Polls { get; }
    void SetPolls(TerminalPolls polls);
    /// <summary>Close only when no voter is in a session; false leaves the polls open.</summary>
    bool TryClosePolls();
    VoteTotals Totals();
    /// <summary>Every sealed vote's payload, in random id order (rules.md R3), for the closing count.</summary>
    IEnumerable<string> OpenAllVotes();
}
