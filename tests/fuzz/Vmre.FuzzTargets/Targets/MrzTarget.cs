using Vmre.Firmware.Credential;
using Vmre.FuzzTargets.Generation;

namespace Vmre.FuzzTargets.Targets;

/// <summary>
/// <see cref="MrzParser"/> (ICAO 9303 TD1): never throws; refuses with an <see cref="MrzReasons"/>
/// text; a built MRZ parses; an accepted MRZ of the builder's shape rebuilds to the same lines.
/// </summary>
public sealed class MrzTarget : TextTarget
{
    private const string Alphabet = Draw.Upper + Draw.Digits + "<<<<<<\n";

    public override string Name => "mrz";

    protected override string ValidName => "a built MRZ";

    protected override string Valid(Random random) => ValidMrz.Next(random);

    protected override string RandomText(Random random) => TextMutation.RandomText(random, Alphabet, 100);

    protected override (bool Ok, string? Reason) Decode(string text)
    {
        var result = MrzParser.Parse(text);
        if (!result.Ok) return (false, result.Reason);
        CheckRebuild(text, result.Credential);
        return (true, null);
    }

    // The builder writes MEX, '<' fillers for line 2 optional data and either "<<" + 13 digits or
    // fillers for line 1's: an accepted MRZ of that shape must be exactly what the builder makes.
    private static void CheckRebuild(string text, CredentialMrz c)
    {
        bool builderShape = c.Nationality == "MEX" && c.OptionalData2 == new string('<', 11)
            && (c.CitizenId is not null || c.OptionalData1 == new string('<', 15));
        if (!builderShape) return;
        string canonical = string.Join("\n", text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'));
        string rebuilt = MrzBuilder.Build(c.DocumentNumber, c.CitizenId, c.BirthDate, c.Sex, c.ExpiryDate, c.Surnames, c.GivenNames);
        if (rebuilt != canonical) throw new PropertyViolation("an accepted MRZ does not rebuild to the same lines");
    }
}
