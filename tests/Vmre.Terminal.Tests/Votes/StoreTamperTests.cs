using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;
using Vmre.Terminal.Votes.Slots;

namespace Vmre.Terminal.Tests.Votes;

/// <summary>
/// Issue 10 points 2 and 6: the security review's changes to votes.db, made with plain SQLite on the
/// real file while the terminal is off, are each found at the next open with their finding code, and
/// a store with findings changes nothing: no testigo starts, no sealed vote is voided.
/// </summary>
public sealed class StoreTamperTests : IDisposable
{
    private readonly StoreOnDisk _disk = new();
    private string _sealed = "";
    private string _other = "";

    /// <summary>Five cast votes, one sealed vote still owing its mark, and the counters, then the terminal goes off.</summary>
    private void Election()
    {
        using var store = _disk.Open();
        for (var i = 0; i < 5; i++) { store.Increment("activations-redeemed"); StoreOnDisk.Vote(store); }
        store.Increment("activations-redeemed");
        _sealed = StoreOnDisk.Vote(store, cast: false);
        _other = StoreOnDisk.Vote(store);
    }

    private IReadOnlyList<StoreFinding> Reopen(out VoteStore store)
    {
        store = _disk.Open();
        return store.Findings;
    }

    [Fact]
    public void A_sealed_row_restated_voiding_on_disk_is_found_and_never_voided()
    {
        Election();
        var slot = _disk.SlotOf(_sealed);
        // The review's UPDATE testigos SET state='voiding', on this layout: the state byte of the slot.
        Assert.Equal(1, _disk.Sql("UPDATE slots SET body = CAST(substr(body, 1, 5) || $s || substr(body, 7) AS BLOB) WHERE idx=$i",
            ("$s", new[] { (byte)TestigoState.Voiding }), ("$i", slot)));
        var findings = Reopen(out var store);
        using (store)
        {
            Assert.Contains(findings, f => f.Code == StoreFinding.RowAltered && f.Detail.Contains($"slot {slot}"));
            Assert.Empty(store.VoidMarksOwed()); // nothing for the terminal to print a void notice for
            Assert.Throws<StoreIntegrityException>(() => store.VoidMarkPrinted(_sealed));
            var refused = Assert.Throws<StoreIntegrityException>(() => store.BeginPrinting("AAAA0000000000000001"));
            Assert.Contains(refused.Findings, f => f.Code == StoreFinding.RowAltered);
            Assert.False(store.AdvanceEpoch());
        }
    }

    [Fact]
    public void A_sealed_row_restated_while_the_terminal_runs_is_refused_at_the_next_change_and_never_voided()
    {
        using var store = _disk.Open();
        var id = StoreOnDisk.Vote(store, cast: false);
        var slot = _disk.SlotOf(id);
        _disk.Sql("UPDATE slots SET body = CAST(substr(body, 1, 5) || $s || substr(body, 7) AS BLOB) WHERE idx=$i",
            ("$s", new[] { (byte)TestigoState.Voiding }), ("$i", slot));
        Assert.Throws<StoreIntegrityException>(() => store.Cast(id));
        Assert.Contains(store.Findings, f => f.Code == StoreFinding.RowAltered);
        Assert.Contains(store.Verify(), f => f.Code == StoreFinding.RowAltered);
        Assert.Equal(1, store.Counts().Sealed);
    }

    [Fact]
    public void A_deleted_row_is_found()
    {
        Election();
        _disk.Sql("DELETE FROM slots WHERE idx=$i", ("$i", _disk.SlotOf(_sealed)));
        Assert.Contains(Reopen(out var store), f => f.Code == StoreFinding.DigestMismatch && f.Detail.Contains("missing"));
        store.Dispose();
    }

    [Fact]
    public void A_zeroed_slot_is_found()
    {
        Election();
        _disk.Sql($"UPDATE slots SET body = zeroblob({SlotCodec.Length}) WHERE idx=$i", ("$i", _disk.SlotOf(_other)));
        Assert.Contains(Reopen(out var store), f => f.Code == StoreFinding.RowAltered);
        store.Dispose();
    }

    [Fact]
    public void A_row_duplicated_into_another_slot_is_found()
    {
        Election();
        var rows = _disk.Rows();
        var from = _disk.SlotOf(_other);
        var free = rows.First(r => r.Value[5] == (byte)TestigoState.Free).Key;
        _disk.Sql("UPDATE slots SET body=$b WHERE idx=$i", ("$b", rows[from]), ("$i", free));
        var findings = Reopen(out var store);
        store.Dispose();
        Assert.Contains(findings, f => f.Code == StoreFinding.RowMoved && f.Detail.Contains($"slot {free}"));
        Assert.Contains(findings, f => f.Code == StoreFinding.DigestMismatch);
    }

    [Fact]
    public void An_older_version_of_one_row_restored_is_found()
    {
        string id;
        byte[] printed;
        using (var store = _disk.Open())
        {
            id = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));
            store.BeginPrinting(id);
            store.Printed(id);
            printed = _disk.Rows()[_disk.SlotOf(id)]; // a valid row, MAC and all, of a testigo not yet a vote
            store.Seal(id, SealedVote.Seal(_disk.StorageKey, id, "VMRE-T2|0a1b2c3d|E05|GOB-05=MC"));
            store.Cast(id);
        }
        _disk.Sql("UPDATE slots SET body=$b WHERE idx=$i", ("$b", printed), ("$i", _disk.SlotOf(id)));
        var findings = Reopen(out var reopened);
        using (reopened)
        {
            Assert.Contains(findings, f => f.Code == StoreFinding.DigestMismatch);
            Assert.Empty(reopened.UnfinishedTestigos().Where(_ => reopened.Findings.Count == 0));
            Assert.Throws<StoreIntegrityException>(() => reopened.Voided(id)); // RestartRecovery would void it: refused
        }
    }

    [Fact]
    public void A_counter_bumped_in_the_header_is_found()
    {
        Election();
        var header = _disk.Header();
        var at = IndexOf(header, "activations-redeemed"u8.ToArray()) + "activations-redeemed".Length;
        header[at + 7]++; // the counter's low byte: 6 redeemed becomes 7, one more "session without a vote"
        _disk.Sql("UPDATE header SET body=$b", ("$b", header));
        var findings = Reopen(out var store);
        store.Dispose();
        Assert.Contains(findings, f => f.Code == StoreFinding.HeaderAltered);
    }

    [Fact]
    public void An_older_copy_of_the_whole_file_is_found_by_the_epoch()
    {
        using (var store = _disk.Open()) StoreOnDisk.Vote(store);
        File.Copy(_disk.Path, _disk.Sub("older.db"));
        using (var store = _disk.Open()) { StoreOnDisk.Vote(store); Assert.True(store.AdvanceEpoch()); }
        File.Copy(_disk.Sub("older.db"), _disk.Path, overwrite: true);
        var findings = Reopen(out var reopened);
        reopened.Dispose();
        Assert.Contains(findings, f => f.Code == StoreFinding.Rollback);
    }

    [Fact]
    public void A_file_ahead_of_the_tpm_counter_is_found()
    {
        using (var store = _disk.Open()) StoreOnDisk.Vote(store);
        using var other = VoteStore.Open(_disk.Path, _disk.MacKey, new MemoryStoreEpoch(3));
        Assert.Contains(other.Findings, f => f.Code == StoreFinding.EpochAhead);
    }

    [Fact]
    public void A_file_under_another_key_or_not_a_store_is_found()
    {
        using (var store = _disk.Open()) StoreOnDisk.Vote(store);
        using (var other = VoteStore.Open(_disk.Path, new byte[32], _disk.Epoch)) Assert.Contains(other.Findings, f => f.Code == StoreFinding.HeaderAltered);
        _disk.Sql("UPDATE header SET body = x'00'");
        using var broken = _disk.Open();
        Assert.Contains(broken.Findings, f => f.Code == StoreFinding.Layout);
    }

    [Fact]
    public void A_file_that_is_no_store_is_a_layout_finding()
    {
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_disk.Path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE testigos (id TEXT PRIMARY KEY, state TEXT, reason TEXT, vote BLOB) WITHOUT ROWID";
            cmd.ExecuteNonQuery();
        }
        using (var old = _disk.Open()) Assert.Equal([StoreFinding.Layout], old.Findings.Select(f => f.Code));
        File.WriteAllBytes(_disk.Path, new byte[8192]);
        var refused = Assert.Throws<StoreIntegrityException>(() => _disk.Open());
        Assert.Equal(StoreFinding.Layout, Assert.Single(refused.Findings).Code);
    }

    private static int IndexOf(byte[] hay, byte[] needle)
    {
        for (var i = 0; i <= hay.Length - needle.Length; i++) if (hay.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        throw new InvalidOperationException("not found");
    }

    public void Dispose() => _disk.Dispose();
}
