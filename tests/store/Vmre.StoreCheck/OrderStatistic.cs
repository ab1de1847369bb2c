namespace Vmre.StoreCheck;

/// <summary>
/// The two statistics of one view (issue 10 point 4), each against a permutation null: Kendall's
/// tau between cast order and position (ties count 0), and cast-adjacency, how many consecutive
/// testigos sit in the same or neighbouring positions (dense ranks), which catches a circular or
/// interleaved order tau misses. The p-value is the normal tail at the observed value's z-score
/// under the permutation distribution's mean and deviation (with 1,000 permutations an empirical
/// p cannot go below 1/1001, far above a Bonferroni threshold); it counts as significant only when
/// the observed value is also beyond every permutation.
/// </summary>
public sealed record OrderStatistic(int N, double Tau, double PTau, bool TauBeyondAll, int Adjacent, double AdjacentNull, double PAdjacent, bool AdjacentBeyondAll)
{
    /// <summary>
    /// <paramref name="groups"/> (optional, e.g. the page of an in-page offset): tau then counts only
    /// pairs in the same group, and a permutation moves position and group together.
    /// </summary>
    public static OrderStatistic Of(long[] positions, long[]? groups, int permutations, Random random)
    {
        var keep = Enumerable.Range(0, positions.Length).Where(i => positions[i] >= 0).ToArray();
        var n = keep.Length;
        if (n < 3) return new(n, 0, 1, false, 0, 0, 1, false);
        var g = keep.Select(i => groups?[i] ?? 0).ToArray();
        var ranks = DenseRanks(keep.Select((i, k) => (g[k] << 20) + positions[i]).ToArray());
        var tau = KendallTau(ranks, g);
        var adjacent = AdjacentCount(ranks);
        var taus = new double[permutations];
        var adjs = new double[permutations];
        var order = Enumerable.Range(0, n).ToArray();
        var r = new int[n];
        var gg = new long[n];
        for (var k = 0; k < permutations; k++)
        {
            random.Shuffle(order);
            for (var i = 0; i < n; i++) { r[i] = ranks[order[i]]; gg[i] = g[order[i]]; }
            taus[k] = KendallTau(r, gg);
            adjs[k] = AdjacentCount(r);
        }
        var pTau = Tail(Math.Abs(tau - taus.Average()) / Sd(taus)) * 2;
        var pAdj = Tail((adjacent - adjs.Average()) / Sd(adjs));
        return new(n, tau, Math.Min(1, pTau), taus.All(t => Math.Abs(t) < Math.Abs(tau)), adjacent, adjs.Average(), Math.Min(1, pAdj),
            adjs.All(a => a < adjacent));
    }

    private static int[] DenseRanks(long[] values)
    {
        var distinct = values.Distinct().Order().Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        return values.Select(v => distinct[v]).ToArray();
    }

    /// <summary>
    /// Kendall's tau-a over the pairs of one group (all pairs when there is one group): concordant minus
    /// discordant over the pairs compared, ties counting 0. Discordant pairs are counted by merge sort
    /// (Knight's method, O(n log n) per group), so 1,500 votes x 1,000 permutations stays quick.
    /// </summary>
    private static double KendallTau(int[] r, long[] g)
    {
        long s = 0, pairs = 0;
        foreach (var group in Enumerable.Range(0, r.Length).GroupBy(i => g[i]))
        {
            var values = group.Select(i => r[i]).ToArray(); // in cast order
            long n = values.Length;
            var ties = values.GroupBy(v => v).Sum(t => (long)t.Count() * (t.Count() - 1) / 2);
            var discordant = Inversions(values, new int[values.Length], 0, values.Length);
            s += n * (n - 1) / 2 - ties - 2 * discordant;
            pairs += n * (n - 1) / 2;
        }
        return pairs == 0 ? 0 : s / (double)pairs;
    }

    /// <summary>Pairs i &lt; j with a[i] &gt; a[j] (strict), sorting a[from..to) in place.</summary>
    private static long Inversions(int[] a, int[] scratch, int from, int to)
    {
        if (to - from < 2) return 0;
        var mid = (from + to) / 2;
        var count = Inversions(a, scratch, from, mid) + Inversions(a, scratch, mid, to);
        int i = from, j = mid, k = from;
        while (i < mid && j < to)
        {
            if (a[i] <= a[j]) scratch[k++] = a[i++];
            else { count += mid - i; scratch[k++] = a[j++]; }
        }
        while (i < mid) scratch[k++] = a[i++];
        while (j < to) scratch[k++] = a[j++];
        Array.Copy(scratch, from, a, from, to - from);
        return count;
    }

    private static int AdjacentCount(int[] r)
    {
        var a = 0;
        for (var i = 1; i < r.Length; i++) if (Math.Abs(r[i] - r[i - 1]) <= 1) a++;
        return a;
    }

    private static double Sd(double[] xs)
    {
        var m = xs.Average();
        var sd = Math.Sqrt(xs.Sum(x => (x - m) * (x - m)) / (xs.Length - 1));
        return sd > 0 ? sd : double.Epsilon;
    }

    /// <summary>Upper tail of the standard normal, P(Z &gt; z), from erfc (Numerical Recipes' Chebyshev fit, relative error &lt; 1.2e-7).</summary>
    private static double Tail(double z)
    {
        var x = z / Math.Sqrt(2);
        var t = 1 / (1 + 0.5 * Math.Abs(x));
        var erfc = t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return (x >= 0 ? erfc : 2 - erfc) / 2;
    }
}
