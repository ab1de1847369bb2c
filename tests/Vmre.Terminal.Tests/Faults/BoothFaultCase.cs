using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// What every fault case stands on: a fresh booth rig per test (real store, log, printer emulator
/// and PN532 emulator on pseudo-terminals), disposed after it. Each case class still names its
/// own [Collection]: xUnit reads that attribute from the test class itself, not its base.
/// </summary>
public abstract class BoothFaultCase : IDisposable
{
    protected BoothRig Rig { get; } = new();
    protected VotingBooth Booth => Rig.Booth;

    public void Dispose()
    {
        Rig.Dispose();
        GC.SuppressFinalize(this);
    }
}
