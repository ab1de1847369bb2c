using Vmre.Firmware.Testigo;

namespace Vmre.FuzzTargets.Generation;

/// <summary>Valid testigo payloads (VMRE-T2): 1-8 contests of nothing, parties or a write-in with Spanish letters.</summary>
public static class ValidTestigo
{
    private const string NameLetters = Draw.Upper + "ÑÁÉÍÓÚÜ";

    public static TestigoPayload Next(Random random)
    {
        while (true)
        {
            var contests = new ContestMarks[1 + random.Next(8)];
            for (int i = 0; i < contests.Length; i++)
                contests[i] = Marks(random, Draw.From(random, Draw.IdChars, 0, 14) + i.ToString("X")); // distinct by index
            var payload = new TestigoPayload(Draw.From(random, "0123456789abcdef", 8, 8),
                Draw.From(random, Draw.IdChars, 1, 8), contests);
            if (payload.Validate() is null) return payload; // only the 512-byte limit can refuse it
        }
    }

    private static ContestMarks Marks(Random random, string contestId)
    {
        switch (random.Next(3))
        {
            case 0: return ContestMarks.Nothing(contestId);
            case 1:
                var codes = new string[1 + random.Next(4)];
                for (int i = 0; i < codes.Length; i++) codes[i] = Draw.From(random, Draw.Upper + Draw.Digits, 0, 8) + i;
                return ContestMarks.Parties(contestId, codes);
            default:
                var words = new string[1 + random.Next(3)];
                for (int i = 0; i < words.Length; i++) words[i] = Draw.From(random, NameLetters, 1, 8);
                return ContestMarks.WriteIn(contestId, string.Join(" ", words));
        }
    }
}
