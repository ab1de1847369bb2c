using Vmre.FuzzTargets.Generation;

namespace Vmre.FuzzTargets.Targets;

/// <summary>
/// A decoder of one line format (MRZ, testigo, activation token) under fuzz. The cases are the
/// same for each: a valid text, a mutation of one, or random text of the format's alphabet.
/// The checks too: a valid text is accepted; anything refused carries the decoder's reason;
/// what is accepted keeps the format's own round-trip promise (<see cref="Decode"/>).
/// </summary>
public abstract class TextTarget : FuzzTarget
{
    /// <summary>How a refused valid case is named in the finding ("a built MRZ", ...).</summary>
    protected abstract string ValidName { get; }

    protected abstract string Valid(Random random);

    protected abstract string RandomText(Random random);

    /// <summary>
    /// Runs the decoder: (true, null) when it accepted the text and the accepted value keeps the
    /// round-trip promise (else throw <see cref="PropertyViolation"/>); (false, reason) when refused.
    /// </summary>
    protected abstract (bool Ok, string? Reason) Decode(string text);

    public sealed override FuzzCase Next(Random random)
    {
        var origin = Origins.Next(random);
        return FuzzCase.OfText(origin, origin switch
        {
            CaseOrigin.Valid => Valid(random),
            CaseOrigin.Mutated => TextMutation.Mutate(random, Valid(random), () => Valid(random)),
            CaseOrigin.Random => RandomText(random),
            _ => throw new ArgumentOutOfRangeException(nameof(random), origin, "unknown case origin"),
        });
    }

    public sealed override CaseOutcome Run(FuzzCase input)
    {
        var (ok, reason) = Decode(input.Text!);
        if (ok) return CaseOutcome.Accept();
        if (input.Origin == CaseOrigin.Valid) throw new PropertyViolation($"{ValidName} was refused: {reason}");
        return CaseOutcome.Reject(reason ?? throw new PropertyViolation("refused without a reason"));
    }
}
