using Vmre.Firmware.Testigo;
using Vmre.FuzzTargets.Generation;

namespace Vmre.FuzzTargets.Targets;

/// <summary>
/// <see cref="TestigoDecoder"/> (docs/formats/testigo-qr.md): never throws; refuses with a
/// <see cref="TestigoReasons"/> text; an encoded payload decodes; and, since the format is
/// canonical-only, every accepted text re-encodes to itself (rules.md R1: one selection, one text).
/// </summary>
public sealed class TestigoTarget : TextTarget
{
    private const string Alphabet = Draw.IdChars + "abcdef|||;;==+:%%%VMRE-T2CNR Ñ";

    public override string Name => "testigo";

    protected override string ValidName => "an encoded testigo";

    protected override string Valid(Random random) => ValidTestigo.Next(random).Encode();

    protected override string RandomText(Random random) => random.Next(2) == 0
        ? TextMutation.RandomText(random, Alphabet, 200)
        : (random.Next(8) == 0 ? "VMRE-T1|" : "VMRE-T2|") + TextMutation.RandomText(random, Alphabet, 200);

    protected override (bool Ok, string? Reason) Decode(string text)
    {
        var result = TestigoDecoder.Decode(text);
        if (!result.Ok) return (false, result.Reason);
        if (result.Payload.Encode() != text) throw new PropertyViolation("an accepted testigo does not re-encode to the same text");
        return (true, null);
    }
}
