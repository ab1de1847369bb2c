using Vmre.FuzzTargets;

namespace Vmre.Provisioning.Tests.Tools;

/// <summary>
/// The `./vmre fuzz` targets with fewer cases, in every test run: no decoder throws, every
/// valid input is accepted, every accepted text round-trips (the targets check it), and the
/// mutations reach refusals with documented reasons.
/// </summary>
public class FuzzSmokeTests
{
    private const int Cases = 2_000;

    public static TheoryData<string> Targets() => [.. FuzzTarget.All().Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_survives_its_cases(string name)
    {
        var target = FuzzTarget.All().Single(t => t.Name == name);
        var report = FuzzRun.Run(target, Cases, seed: 20240602);

        Assert.True(report.Failure is null, report.Failure?.Describe());
        Assert.Equal(Cases, report.Cases);
        Assert.InRange(report.ValidCases, 1, report.Accepted);
        Assert.True(report.Rejected > 0, "no mutation was refused: the generator is not reaching the decoder's checks");
        Assert.All(report.Reasons.Keys, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public void The_same_seed_replays_the_same_cases()
    {
        var first = FuzzRun.Run(FuzzTarget.All()[1], 300, seed: 7);
        var again = FuzzRun.Run(FuzzTarget.All()[1], 300, seed: 7);
        Assert.Equal(first.Accepted, again.Accepted);
        Assert.Equal(first.Reasons, again.Reasons);
    }
}
