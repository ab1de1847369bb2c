using System.Diagnostics;

namespace Vmre.FuzzTargets;

/// <summary>Runs a target for a number of cases from one seed; stops at the first failure.</summary>
public static class FuzzRun
{
    public static FuzzReport Run(FuzzTarget target, int cases, int seed)
    {
        var report = new FuzzReport(target.Name);
        // One stream per target, derived from the seed and the target's name (not string.GetHashCode,
        // which differs per process), so `--target X --seed S` replays exactly what `all` ran.
        var random = new Random(seed ^ StableHash(target.Name));
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < cases; i++)
        {
            var input = target.Next(random);
            try
            {
                report.Count(input, target.Run(input));
            }
            catch (Exception ex)
            {
                report.Failure = new FuzzFailure(target.Name, seed, i, input, ex);
                break;
            }
        }
        report.Elapsed = clock.Elapsed;
        return report;
    }

    // FNV-1a over the name's chars.
    private static int StableHash(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name) hash = (hash ^ c) * 16777619;
        return (int)hash;
    }
}
