namespace Vmre.FuzzTargets.Targets;

/// <summary>The mix of cases every target draws: 10% valid, 75% mutated valid, 15% random.</summary>
internal static class Origins
{
    public static CaseOrigin Next(Random random) => random.Next(100) switch
    {
        < 10 => CaseOrigin.Valid,
        < 85 => CaseOrigin.Mutated,
        _ => CaseOrigin.Random,
    };
}
