using CsCheck;
using Vmre.Firmware.Session;
using S = Vmre.Firmware.Session.SessionState;
using E = Vmre.Firmware.Session.SessionEvent;

namespace Vmre.Firmware.Tests.Session;

/// <summary>
/// The session's promises over random event sequences (rules.md R1 and R6): every printed
/// testigo is resolved once, sealed only on acceptance, and the machine always finds Idle.
/// </summary>
public class SessionPropertyTests
{
    // Every event can occur; the ones that move a session forward are eight times as likely,
    // so random runs reach sealing and the testigo limit rather than stalling.
    static readonly E[] Forward =
    {
        E.Activate, E.BeginSelection, E.Review, E.Confirm, E.PrintSucceeded,
        E.VoterRejected, E.FaultCleared, E.Reset, E.Recovered,
    };

    static readonly E[] Pool = Enum.GetValues<E>()
        .SelectMany(e => Enumerable.Repeat(e, Forward.Contains(e) ? 8 : 1)).ToArray();

    static readonly Gen<E[]> Sequences = Gen.OneOfConst(Pool).Array[0, 120];

    [Fact]
    public void Printed_testigos_are_resolved_exactly_once()
    {
        int seals = 0, limitVoids = 0;
        Sequences.Sample(events =>
        {
            var s = new VotingSession();
            bool unresolved = false;   // a PrintSucceeded not yet sealed or voided
            int sealsSinceActivate = 0, printsSinceActivate = 0;
            foreach (var e in events)
            {
                var r = s.Fire(e);
                if (!r.Ok)
                {
                    Assert.Equal((r.From, r.From), (r.To, s.State));
                    Assert.False(r.SealsVote || r.VoidsTestigo);
                    continue;
                }
                Assert.Equal(r.From == S.VoterVerifying && e == E.VoterAccepted, r.SealsVote);
                Assert.Equal((r.From is S.Printing or S.VoterVerifying) && r.To is not (S.Sealed or S.VoterVerifying), r.VoidsTestigo);
                if (e == E.Activate) { sealsSinceActivate = 0; printsSinceActivate = 0; }
                if (e == E.Confirm) Assert.False(unresolved, "Confirm with a printed testigo unresolved");
                if (e == E.PrintSucceeded)
                {
                    Assert.False(unresolved);
                    unresolved = true;
                    printsSinceActivate++;
                    Assert.InRange(printsSinceActivate, 1, VotingSession.MaxTestigos);
                }
                if (r.SealsVote)
                {
                    Assert.True(unresolved, "sealed without a printed, unvoided testigo");
                    unresolved = false;
                    Assert.Equal(1, ++sealsSinceActivate);
                    seals++;
                }
                if (r.VoidsTestigo)
                {
                    // From VoterVerifying it resolves the printed testigo; from Printing the
                    // testigo never printed whole, so none was pending.
                    Assert.Equal(r.From == S.VoterVerifying, unresolved);
                    unresolved = false;
                    if (e == E.VoterRejected && r.To == S.Voided) limitVoids++;
                }
                Assert.Equal(s.State is S.Printing or S.VoterVerifying, s.TestigoInFlight);
                Assert.Equal(s.State == S.VoterVerifying, unresolved);
                if (s.State == S.Idle) Assert.Equal(0, s.TestigosPrinted);
            }
        }, iter: 5000);
        // The generator really exercised sealing and the limit.
        Assert.True(seals > 0);
        Assert.True(limitVoids > 0);
    }

    /// <summary>Shortest event paths from a fresh session to every (state, printed) situation.</summary>
    static Dictionary<(S, int), E[]> Situations()
    {
        var found = new Dictionary<(S, int), E[]> { [(S.Idle, 0)] = Array.Empty<E>() };
        var queue = new Queue<E[]>();
        queue.Enqueue(Array.Empty<E>());
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            foreach (E e in Enum.GetValues<E>())
            {
                var s = SessionPaths.Drive(path);
                if (!s.Fire(e).Ok) continue;
                var key = (s.State, s.TestigosPrinted);
                if (found.ContainsKey(key)) continue;
                var longer = path.Append(e).ToArray();
                found[key] = longer;
                queue.Enqueue(longer);
            }
        }
        return found;
    }

    [Fact]
    public void Idle_is_reachable_from_every_state()
    {
        var situations = Situations();
        Assert.Equal(Enum.GetValues<S>().OrderBy(x => x), situations.Keys.Select(k => k.Item1).Distinct().OrderBy(x => x));
        foreach (var (key, start) in situations)
        {
            bool reached = false;
            var queue = new Queue<E[]>(new[] { start });
            var seen = new HashSet<(S, int)> { key };
            while (queue.Count > 0 && !reached)
            {
                var path = queue.Dequeue();
                foreach (E e in Enum.GetValues<E>())
                {
                    var s = SessionPaths.Drive(path);
                    if (!s.Fire(e).Ok) continue;
                    if (s.State == S.Idle) { reached = true; break; }
                    if (seen.Add((s.State, s.TestigosPrinted))) queue.Enqueue(path.Append(e).ToArray());
                }
            }
            Assert.True(reached, $"Idle not reachable from {key}");
        }
    }
}
