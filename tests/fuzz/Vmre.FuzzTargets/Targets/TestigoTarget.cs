using Vmre.Firmware.Testigo;
using Vmre.FuzzTargets.Generation;

namespace Vmre.FuzzTargets.Targets;

/// <summary>
/// <see cref="TestigoDecoder"/> (docs/formats/testigo-qr.md): never throws; refuses with a
/// <see cref="TestigoReasons"/> text; an encoded payload decodes; and, since the format is
/// canonical-only, every accepted text re-encodes to itself (Brief rule 1: one selection, one text).
/// </summary>
public sealed class TestigoTarget : FuzzTarget
{
    private const string Alphabet = Draw.IdChars + "abcdef|||;;==+:VMRE-T1CNR ";

    public override string Name => "testigo";

    public override FuzzCase Next(Random random)
    {
        var origin = Origins.Next(random);
        return FuzzCase.OfText(origin, origin switch
        {
            CaseOrigin.Valid => ValidTestigo.Next(random).Encode(),
            CaseOrigin.Mutated => TextMutation.Mutate(random, ValidTestigo.Next(random).Encode(), () => ValidTestigo.Next(random).Encode()),
            _ => random.Next(2) == 0
                ? TextMutation.RandomText(random, Alphabet, 200)
                : "VMRE-T1|" + TextMutation.RandomText(random, Alphabet, 200),
        });
    }

    public override CaseOutcome Run(FuzzCase input)
    {
        var text = input.Text!;
        var result = TestigoDecoder.Decode(text);
        if (!result.Ok)
        {
            if (input.Origin == CaseOrigin.Valid) throw new PropertyViolation($"an encoded testigo was refused: {result.Reason}");
            return CaseOutcome.Reject(result.Reason ?? throw new PropertyViolation("refused without a reason"));
        }
        if (result.Payload.Encode() != text) throw new PropertyViolation("an accepted testigo does not re-encode to the same text");
        return CaseOutcome.Accept();
    }
}
