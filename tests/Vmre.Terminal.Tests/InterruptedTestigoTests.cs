using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests;

/// <summary>
/// Brief rule 6: a power cut between printing and sealing leaves testigos in 'printing' or
/// 'printed'; the next start voids them, so none is ever sealed or counted late.
/// </summary>
public sealed class InterruptedTestigoTests
{
    [Fact]
    public async Task A_restart_voids_testigos_that_never_became_votes_and_logs_how_many()
    {
        await using var terminal = new LiveTerminal();
        using (var store = new VoteStore(Path.Combine(terminal.DataDir, "votes.db")))
        {
            store.BeginPrinting("0123456789ABCDEF0123");
            store.BeginPrinting("FEDCBA9876543210FEDC");
            store.Printed("FEDCBA9876543210FEDC");
        }

        await terminal.Start();

        Assert.Empty(terminal.Parts.Store.UnfinishedTestigos());
        Assert.Equal(2, terminal.Parts.Store.CountInState("voided"));
        Assert.Empty(terminal.Parts.Store.SealedVotes());
        var log = File.ReadAllText(Path.Combine(terminal.DataDir, "events.jsonl"));
        Assert.Contains("\"unfinished-testigos-voided\"", log);
        Assert.Contains("\"count\":\"2\"", log);
        Assert.DoesNotContain("0123456789ABCDEF0123", log); // rule 3: ids never logged
    }
}
