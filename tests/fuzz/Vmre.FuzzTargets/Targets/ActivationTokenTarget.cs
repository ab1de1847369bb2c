using Vmre.Firmware.Activation;
using Vmre.FuzzTargets.Generation;

namespace Vmre.FuzzTargets.Targets;

/// <summary>
/// <see cref="ActivationTokenDecoder"/> (docs/formats/activation-token.md): never throws;
/// refuses with an <see cref="ActivationReasons"/> text; a built token decodes; base64url is
/// canonical-only, so every accepted token re-encodes to itself (Brief rule 4: one token, one text).
/// </summary>
public sealed class ActivationTokenTarget : FuzzTarget
{
    private const string Alphabet = Draw.IdChars + "abcdef0123456789_-|||VMRE-A1";

    public override string Name => "token";

    public override FuzzCase Next(Random random)
    {
        var origin = Origins.Next(random);
        return FuzzCase.OfText(origin, origin switch
        {
            CaseOrigin.Valid => ValidActivationToken.Next(random),
            CaseOrigin.Mutated => TextMutation.Mutate(random, ValidActivationToken.Next(random), () => ValidActivationToken.Next(random)),
            _ => random.Next(2) == 0
                ? TextMutation.RandomText(random, Alphabet, 260)
                : "VMRE-A1|" + TextMutation.RandomText(random, Alphabet, 200),
        });
    }

    public override CaseOutcome Run(FuzzCase input)
    {
        var text = input.Text!;
        var result = ActivationTokenDecoder.Decode(text);
        if (!result.Ok)
        {
            if (input.Origin == CaseOrigin.Valid) throw new PropertyViolation($"a built token was refused: {result.Reason}");
            return CaseOutcome.Reject(result.Reason ?? throw new PropertyViolation("refused without a reason"));
        }
        if (result.Token.Encode() != text) throw new PropertyViolation("an accepted token does not re-encode to the same text");
        return CaseOutcome.Accept();
    }
}
