namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>
/// McNemar's exact test for paired right/wrong outcomes (issue 9 point 6's statistic): under the
/// hypothesis that the observer and the baseline are equally good, the pairs where only one of
/// them is right split as a fair coin. Two-sided p = 2 P(X &lt;= min(b, c)), X ~ Binomial(b + c, 1/2),
/// at most 1; 1 when no pair differs.
/// </summary>
public static class McNemarExact
{
    public static double TwoSided(int onlyFirstRight, int onlySecondRight)
    {
        var n = onlyFirstRight + onlySecondRight;
        var k = Math.Min(onlyFirstRight, onlySecondRight);
        if (n == 0) return 1;
        // Binomial terms in logs: 0.5^n underflows past n = 1074.
        var logTerm = n * Math.Log(0.5);
        var tail = 0.0;
        for (var i = 0; i <= k; i++)
        {
            tail += Math.Exp(logTerm);
            logTerm += Math.Log(n - i) - Math.Log(i + 1);
        }
        return Math.Min(1, 2 * tail);
    }
}
