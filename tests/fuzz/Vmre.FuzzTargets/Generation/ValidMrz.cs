using Vmre.Firmware.Credential;

namespace Vmre.FuzzTargets.Generation;

/// <summary>Valid synthetic INE TD1 MRZs from the firmware's own builder (invented people only).</summary>
public static class ValidMrz
{
    public static string Next(Random random)
    {
        string cic = Draw.From(random, Draw.Upper + Draw.Digits, 9, 9);
        string? citizenId = random.Next(4) == 0 ? null : Draw.From(random, Draw.Digits, 13, 13);
        string sex = Draw.One(random, ["M", "F", "H", "<"]);
        // Names short enough to fit line 3 whole: at most 2 x 7 + 1 + 2 + 2 x 6 + 1 = 30.
        return MrzBuilder.Build(cic, citizenId, Date(random), sex, Date(random),
            Draw.Words(random, 2, 7), random.Next(5) == 0 ? "" : Draw.Words(random, 2, 6));
    }

    private static string Date(Random random) =>
        $"{random.Next(100):D2}{random.Next(1, 13):D2}{random.Next(1, 32):D2}";
}
