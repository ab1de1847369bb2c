using Vmre.Firmware.Activation;
using Vmre.FuzzTargets.Generation;

namespace Vmre.FuzzTargets.Targets;

/// <summary>
/// <see cref="ActivationTokenDecoder"/> (docs/formats/activation-token.md): never throws;
/// refuses with an <see cref="ActivationReasons"/> text; a built token decodes; base64url is
/// canonical-only, so every accepted token re-encodes to itself (rules.md R4: one token, one text).
/// </summary>
public sealed class ActivationTokenTarget : TextTarget
{
    private const string Alphabet = Draw.IdChars + "abcdef0123456789_-|||VMRE-A2";

    public override string Name => "token";

    protected override string ValidName => "a built token";

    protected override string Valid(Random random) => ValidActivationToken.Next(random);

    protected override string RandomText(Random random) => random.Next(2) == 0
        ? TextMutation.RandomText(random, Alphabet, 260)
        : "VMRE-A2|" + TextMutation.RandomText(random, Alphabet, 200);

    protected override (bool Ok, string? Reason) Decode(string text)
    {
        var result = ActivationTokenDecoder.Decode(text);
        if (!result.Ok) return (false, result.Reason);
        if (result.Token.Encode() != text) throw new PropertyViolation("an accepted token does not re-encode to the same text");
        return (true, null);
    }
}
