namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>
/// Largest-remainder apportionment: split a total in proportion to weights so the parts are
/// whole numbers that sum exactly to the total. At the DATA.md scale the weights are the
/// published counts themselves, so the split reproduces them exactly.
/// </summary>
public static class Apportion
{
    public static int[] Of(int total, IReadOnlyList<int> weights)
    {
        long sum = weights.Sum(w => (long)w);
        var parts = new int[weights.Count];
        if (sum == 0 || total == 0) return parts;
        var remainders = new (long Rem, int Index)[weights.Count];
        var given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (long)total * weights[i];
            parts[i] = (int)(exact / sum);
            remainders[i] = (exact % sum, i);
            given += parts[i];
        }
        // Ties go to the earlier weight, so the split is deterministic.
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Rem).ThenBy(r => r.Index).Take(total - given))
            parts[index]++;
        return parts;
    }
}
