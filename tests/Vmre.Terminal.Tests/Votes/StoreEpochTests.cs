using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Votes;

/// <summary>The epoch protocol (issue 10 point 2): one TPM counter write per start, polls open and polls close, none per ballot; a cut mid-advance heals.</summary>
public sealed class StoreEpochTests : IDisposable
{
    private readonly StoreOnDisk _disk = new();

    [Fact]
    public void An_election_day_costs_three_counter_writes_and_none_per_ballot()
    {
        using var store = _disk.Open();                     // start: 1
        Assert.True(store.AdvanceEpoch());                  // polls open: 2
        for (var i = 0; i < 40; i++) StoreOnDisk.Vote(store);
        Assert.True(store.AdvanceEpoch());                  // polls close: 3
        Assert.Equal(3, _disk.Epoch.Advances);
        Assert.Equal(_disk.Epoch.Read(), store.Epoch);
        Assert.Empty(store.Verify());
    }

    [Fact]
    public void A_cut_between_the_header_commit_and_the_counter_increment_heals_at_the_next_start()
    {
        var cut = new CutEpoch(_disk.Epoch);
        using (var store = VoteStore.Open(_disk.Path, _disk.MacKey, _disk.Epoch))
            StoreOnDisk.Vote(store);
        using (var store = VoteStore.Open(_disk.Path, _disk.MacKey, cut)) { } // the header reaches e = v + 1; the increment never happens
        Assert.Equal(_disk.Epoch.Read() + 1, HeaderEpoch());
        using var healed = _disk.Open();
        Assert.Empty(healed.Findings);
        Assert.Equal(_disk.Epoch.Read(), healed.Epoch);
        StoreOnDisk.Vote(healed);
    }

    private ulong HeaderEpoch() => System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(_disk.Header().AsSpan(9));

    /// <summary>The TPM counter with power cut just before its increment.</summary>
    private sealed class CutEpoch(IStoreEpoch inner) : IStoreEpoch
    {
        public ulong Read() => inner.Read();
        public void Advance() { }
    }

    public void Dispose() => _disk.Dispose();
}
