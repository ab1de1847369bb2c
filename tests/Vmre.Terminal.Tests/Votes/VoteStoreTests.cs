using System.Security.Cryptography;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Votes;

/// <summary>The SQLite vote store on disk: seal only from a printed testigo, once; no order kept (rules.md R1, R3, R6).</summary>
public sealed class VoteStoreTests : IDisposable
{
    private readonly StoreOnDisk _disk = new();
    private readonly VoteStore _store;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public VoteStoreTests() => _store = _disk.Open();

    [Fact]
    public void Seal_is_refused_unless_the_testigo_printed()
    {
        Assert.Throws<InvalidOperationException>(() => _store.Seal("UNKNOWN0000000000000", [1]));
        _store.BeginPrinting("AAAA0000000000000001");
        Assert.Throws<InvalidOperationException>(() => _store.Seal("AAAA0000000000000001", [1]));
        _store.Printed("AAAA0000000000000001");
        _store.Seal("AAAA0000000000000001", [1]);
        Assert.Equal(1, _store.CountInState("sealed"));
    }

    [Fact]
    public void A_vote_is_sealed_once()
    {
        _store.BeginPrinting("AAAA0000000000000002");
        _store.Printed("AAAA0000000000000002");
        _store.Seal("AAAA0000000000000002", [1]);
        Assert.Throws<InvalidOperationException>(() => _store.Seal("AAAA0000000000000002", [2]));
        Assert.Single(_store.SealedVotes());
        Assert.Equal([1], _store.SealedVotes()[0].Vote);
    }

    [Fact]
    public void Voided_testigos_never_become_votes()
    {
        _store.BeginPrinting("AAAA0000000000000003");
        _store.Voided("AAAA0000000000000003");
        Assert.Throws<InvalidOperationException>(() => _store.Printed("AAAA0000000000000003"));
        Assert.Throws<InvalidOperationException>(() => _store.Seal("AAAA0000000000000003", [1]));
        _store.BeginPrinting("AAAA0000000000000004");
        _store.Printed("AAAA0000000000000004");
        _store.Voided("AAAA0000000000000004");
        Assert.Throws<InvalidOperationException>(() => _store.Seal("AAAA0000000000000004", [1]));
        Assert.Empty(_store.SealedVotes());
        Assert.Equal(2, _store.CountInState("voided"));
        Assert.Throws<InvalidOperationException>(() => _store.BeginPrinting("AAAA0000000000000004"));
    }

    [Fact]
    public void A_sealed_vote_owes_its_acceptance_mark_across_reopening_until_cast_and_counts_either_way()
    {
        _store.BeginPrinting("AAAA0000000000000005");
        Assert.Throws<InvalidOperationException>(() => _store.Cast("AAAA0000000000000005"));
        _store.Printed("AAAA0000000000000005");
        _store.Seal("AAAA0000000000000005", [5]);
        _store.Dispose();
        using var reopened = _disk.Open();
        Assert.Empty(reopened.Findings);
        Assert.Equal(["AAAA0000000000000005"], reopened.AcceptanceMarksOwed());
        Assert.Equal(new TestigoCounts(0, 0, 1, 0, 0, 1), reopened.Counts());
        reopened.Cast("AAAA0000000000000005");
        Assert.Empty(reopened.AcceptanceMarksOwed());
        Assert.Throws<InvalidOperationException>(() => reopened.Cast("AAAA0000000000000005"));
        Assert.Equal([5], Assert.Single(reopened.SealedVotes()).Vote);
        Assert.Equal(new TestigoCounts(0, 0, 1, 0, 0, 0), reopened.Counts());
        Assert.Equal(1, reopened.Counts().TestigosPrinted);
    }

    [Fact]
    public void A_void_mark_stays_owed_with_its_reason_across_reopening_and_the_testigo_never_becomes_a_vote()
    {
        _store.BeginPrinting("AAAA0000000000000006");
        _store.Printed("AAAA0000000000000006");
        _store.Voiding("AAAA0000000000000006", "REJECTED");
        _store.BeginPrinting("AAAA0000000000000007");
        _store.Voided("AAAA0000000000000007"); // nothing reached paper: no mark owed
        Assert.Throws<InvalidOperationException>(() => _store.Seal("AAAA0000000000000006", [1]));
        Assert.Throws<InvalidOperationException>(() => _store.Voiding("AAAA0000000000000007", "PRINTER"));
        _store.Dispose();
        using var reopened = _disk.Open();
        Assert.Equal([("AAAA0000000000000006", "REJECTED")], reopened.VoidMarksOwed());
        Assert.Equal(new TestigoCounts(0, 0, 0, 2, 1, 0), reopened.Counts());
        reopened.VoidMarkPrinted("AAAA0000000000000006");
        Assert.Throws<InvalidOperationException>(() => reopened.VoidMarkPrinted("AAAA0000000000000006"));
        Assert.Empty(reopened.VoidMarksOwed());
        Assert.Empty(reopened.SealedVotes());
        Assert.Equal(new TestigoCounts(0, 0, 0, 2, 0, 0), reopened.Counts());
    }

    [Fact]
    public void Counters_start_at_zero_increment_and_survive_reopening()
    {
        Assert.Equal(0, _store.Counter("activations-redeemed"));
        _store.Increment("activations-redeemed");
        _store.Increment("activations-redeemed");
        _store.Set("polls-state", 2);
        _store.Dispose();
        using var reopened = _disk.Open();
        Assert.Equal(2, reopened.Counter("activations-redeemed"));
        Assert.Equal(2, reopened.Counter("polls-state"));
        Assert.Equal(0, reopened.Counter("sessions-abandoned"));
    }

    [Fact]
    public void A_torn_acceptance_mark_counts_once_per_sealed_vote()
    {
        var id = StoreOnDisk.Vote(_store, cast: false);
        _store.AcceptanceMarkTorn(id, "torn");
        _store.AcceptanceMarkTorn(id, "torn");
        Assert.Equal(1, _store.Counter("torn"));
        _store.Dispose();
        using var reopened = _disk.Open();
        Assert.Empty(reopened.Findings);
        Assert.Equal(1, reopened.Counter("torn"));
    }

    [Fact]
    public void A_full_store_refuses_a_new_testigo_by_name()
    {
        _store.Dispose();
        using var small = VoteStore.Open(_disk.Sub("small.db"), _disk.MacKey, new MemoryStoreEpoch(), capacity: 2);
        StoreOnDisk.Vote(small);
        StoreOnDisk.Vote(small);
        var full = Assert.Throws<VoteStoreFullException>(() => small.BeginPrinting("AAAA0000000000000009"));
        Assert.Contains("vote store full", full.Message);
        Assert.Equal((2, 2), small.Occupancy());
    }

    [Fact]
    public void No_write_ahead_log_keeps_sealed_votes_in_cast_order()
    {
        // rules.md R3: WAL frames would list each sealed vote in the order it was cast.
        for (var i = 0; i < 3; i++) StoreOnDisk.Vote(_store, key: _key);
        Assert.False(File.Exists(_disk.Path + "-wal"));
        Assert.False(File.Exists(_disk.Path + "-journal"));
        Assert.Equal(3, _store.SealedVotes().Count);
    }

    public void Dispose()
    {
        _store.Dispose();
        _disk.Dispose();
    }
}
