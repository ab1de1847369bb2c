using System.Globalization;
using System.Text;

namespace Vmre.StoreCheck;

/// <summary>One view of one run, with its two statistics.</summary>
public sealed record ViewResult(int Run, string View, OrderStatistic Statistic)
{
    public double P => Math.Min(Statistic.PTau, Statistic.PAdjacent);
}

/// <summary>
/// The order check (issue 10 point 4): runs × views × 2 statistics, Bonferroni-corrected at
/// <see cref="Alpha"/>; the store leaks cast order if any view of any run is significant.
/// </summary>
public sealed record OrderReport(string Layout, int Votes, int Runs, int Permutations, IReadOnlyList<ViewResult> Results)
{
    public const double Alpha = 0.01;

    /// <summary>Views × runs × 2 statistics: every test made counts, views with too few testigos included (conservative).</summary>
    public int Tests => Results.Count * 2;
    public double Threshold => Alpha / Tests;

    public bool Significant(ViewResult r) =>
        (r.Statistic.PTau < Threshold && r.Statistic.TauBeyondAll) || (r.Statistic.PAdjacent < Threshold && r.Statistic.AdjacentBeyondAll);

    public bool Leaks => Results.Any(Significant);

    public ViewResult Worst => Results.OrderBy(r => r.P).First();

    public static OrderReport Run(string layout, Func<string, IStoreUnderTest> open, int votes, int runs, int permutations, int seed)
    {
        var results = new List<ViewResult>();
        var random = new Random(seed);
        for (var run = 0; run < runs; run++)
        {
            var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "vmre-store-order", Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var cast = OrderRun.Cast(open, dir, votes);
                foreach (var (view, (positions, groups)) in OrderViews.Of(cast))
                    results.Add(new ViewResult(run, view, OrderStatistic.Of(positions, groups, permutations, random)));
            }
            finally { Directory.Delete(dir, recursive: true); }
        }
        return new OrderReport(layout, votes, runs, permutations, results);
    }

    public string Text()
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"store order check (issue 10 point 4): layout {Layout}, {Runs} runs of {Votes} votes, {Permutations} permutations");
        s.AppendLine(inv, $"tests: {Tests} (views x runs x 2), Bonferroni threshold {Threshold:E2} (alpha {Alpha})");
        s.AppendLine("view             n(min-max)  |tau| max  p(tau) min  adjacent/null worst  p(adj) min");
        foreach (var g in Results.GroupBy(r => r.View))
        {
            var worstAdj = g.OrderBy(r => r.Statistic.PAdjacent).First().Statistic;
            s.AppendLine(inv, $"{g.Key,-16} {g.Min(r => r.Statistic.N),4}-{g.Max(r => r.Statistic.N),-5}  {g.Max(r => Math.Abs(r.Statistic.Tau)),9:F4}  {g.Min(r => r.Statistic.PTau),10:E2}  {worstAdj.Adjacent,5}/{worstAdj.AdjacentNull,-8:F1}  {g.Min(r => r.Statistic.PAdjacent),10:E2}");
        }
        var w = Worst;
        s.AppendLine(inv, $"worst view: {w.View} (run {w.Run}, n {w.Statistic.N}): tau {w.Statistic.Tau:F4} p {w.Statistic.PTau:E2}; adjacent {w.Statistic.Adjacent} vs {w.Statistic.AdjacentNull:F1} p {w.Statistic.PAdjacent:E2}");
        s.AppendLine(Leaks ? "result: LEAKS cast order (a view is significant)" : "result: no view correlates with cast order");
        return s.ToString();
    }
}
