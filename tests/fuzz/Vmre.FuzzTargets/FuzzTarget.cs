namespace Vmre.FuzzTargets;

/// <summary>
/// One decoder under fuzz: how to make inputs (valid ones, mutations of valid ones, random
/// ones) and how to run one. <see cref="Run"/> returns the decoder's documented refusal as a
/// value; anything it throws, and any <see cref="PropertyViolation"/>, is a finding.
/// </summary>
public abstract class FuzzTarget
{
    public abstract string Name { get; }

    public abstract FuzzCase Next(Random random);

    public abstract CaseOutcome Run(FuzzCase input);

    /// <summary>The four targets `./vmre fuzz` knows, in the order it runs them.</summary>
    public static IReadOnlyList<FuzzTarget> All() =>
        [new Targets.MrzTarget(), new Targets.TestigoTarget(), new Targets.ActivationTokenTarget(), new Targets.EscPosTarget()];
}
