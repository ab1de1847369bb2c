using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>
/// The controls of the measured property (issue 9 point 6): on artifacts built here, fast, the same
/// observer and statistic that find nothing in the module's publications must find a leak when one
/// is planted — a timed line per vote carrying the marks, or a published recount pairing each printed
/// id with its selection (the old VMRE-T1 testigos) — and must find nothing when there is none.
/// </summary>
public sealed class ObserverControlTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "vmre-secrecy-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    private readonly SyntheticModule _module = new(voters: 240, terminals: 3, seed: 9);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Per_vote_timed_lines_with_the_marks_let_the_observer_beat_the_totals()
    {
        _module.WriteTotals(_dir);
        _module.WriteLogs(_dir, t => new JsonObject { ["marks"] = $"{t.ContestId}={t.Key}" });
        var score = Measure();
        Assert.True(score.P < 0.01, $"the observer should have read the leak: {score}");
        Assert.True(score.ObserverRight > score.BaselineRight);
    }

    [Fact]
    public void A_published_recount_pairing_printed_ids_with_selections_lets_the_observer_beat_the_totals()
    {
        _module.WriteTotals(_dir);
        var ids = _module.Truth.ToDictionary(t => t, t => Convert.ToHexString(Guid.NewGuid().ToByteArray())[..16].ToLowerInvariant());
        _module.WriteLogs(_dir, t => new JsonObject { ["testigo"] = ids[t] });
        // The recount has no times and no terminals: only the id ties a paper to a log line.
        SyntheticModule.Write(Path.Combine(_dir, "recount.json"), new JsonObject
        {
            ["testigos"] = new JsonArray(ids.OrderBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => (JsonNode)new JsonObject { ["testigo"] = p.Value, ["selection"] = $"VMRE-T1|{p.Value}|15|{p.Key.ContestId}={p.Key.Key}" }).ToArray()),
        });
        var score = Measure();
        Assert.True(score.P < 0.01, $"the observer should have tied ids to selections: {score}");
    }

    [Fact]
    public void Per_vote_timed_lines_without_selection_leave_the_observer_at_the_totals()
    {
        _module.WriteTotals(_dir);
        _module.WriteLogs(_dir, _ => new JsonObject { ["ballotStyle"] = "15" });
        var score = Measure();
        Assert.True(score.P >= 0.01, $"nothing leaks here, yet the observer did better: {score}");
        Assert.Equal(score.BaselineRight, score.ObserverRight);
    }

    [Theory]
    [InlineData(0, 0, 1.0)]
    [InlineData(5, 5, 1.0)]
    [InlineData(10, 0, 0.001953125)]
    [InlineData(8, 2, 0.109375)]
    [InlineData(2, 8, 0.109375)]
    public void McNemar_exact_p_is_the_two_sided_binomial_tail(int onlyFirst, int onlySecond, double p) =>
        Assert.Equal(p, McNemarExact.TwoSided(onlyFirst, onlySecond), 9);

    private SecrecyScore Measure()
    {
        var observer = new PublicObserver(PublishedFolder.Read(_dir), _module.Sightings);
        var score = SecrecyScore.Measure(observer, _module.Truth);
        output.WriteLine(score.ToString());
        return score;
    }
}
