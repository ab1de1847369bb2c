using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// The TPM epoch counter in memory, for store tests below the TPM (issue 10 point 2). Monotonic like
/// the NV counter; <see cref="Advances"/> counts the NV writes a real chip would take.
/// </summary>
public sealed class MemoryStoreEpoch(ulong start = 0) : IStoreEpoch
{
    private ulong _value = start;

    public int Advances { get; private set; }

    public ulong Read() => _value;

    public void Advance()
    {
        _value++;
        Advances++;
    }
}
