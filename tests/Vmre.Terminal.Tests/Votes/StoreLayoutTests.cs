using Microsoft.Data.Sqlite;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;
using Vmre.Terminal.Votes.Slots;

namespace Vmre.Terminal.Tests.Votes;

/// <summary>The file's shape (issue 10 point 4): fixed slots made at creation, written in place, one sealed-vote length, mode 0600.</summary>
public sealed class StoreLayoutTests : IDisposable
{
    private readonly StoreOnDisk _disk = new();

    [Fact]
    public void The_file_holds_only_fixed_length_slots_and_one_header_and_no_time_nor_sequence()
    {
        using (var store = _disk.Open(capacity: 32))
        {
            for (var i = 0; i < 5; i++) StoreOnDisk.Vote(store, key: _disk.StorageKey);
            var v = StoreOnDisk.Vote(store, cast: false);
            store.AcceptanceMarkTorn(v, "torn");
        }
        var rows = _disk.Rows();
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (long)i), rows.Keys.Order());
        Assert.All(rows.Values, r => Assert.Equal(SlotCodec.Length, r.Length));
        Assert.Equal(HeaderCodec.Length, _disk.Header().Length);
        using var db = new SqliteConnection($"Data Source={_disk.Path};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table','index') ORDER BY name";
        var names = new List<string>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) names.Add(r.GetString(0));
        Assert.Equal(["header", "slots"], names);
        using var columns = db.CreateCommand();
        columns.CommandText = "SELECT name FROM pragma_table_info('slots') ORDER BY name";
        var cols = new List<string>();
        using (var r = columns.ExecuteReader()) while (r.Read()) cols.Add(r.GetString(0));
        Assert.Equal(["body", "idx"], cols);
        using var free = db.CreateCommand();
        free.CommandText = "PRAGMA freelist_count";
        Assert.Equal(0L, (long)free.ExecuteScalar()!); // nothing is ever freed: no free page holds an old row
    }

    [Fact]
    public void Every_sealed_vote_in_the_store_has_one_length()
    {
        using var store = _disk.Open();
        var vault = new VoteVault(store, _disk.StorageKey);
        foreach (var payload in new[] { "VMRE-T2|0a1b2c3d|E05|GOB-05=-", "VMRE-T2|0a1b2c3d|E05|GOB-05=PAN+PRI+PRD|DIP-1=CNR:" + new string('Z', 40) })
        {
            var id = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));
            vault.BeginPrinting(id);
            vault.Printed(id);
            vault.Seal(id, payload);
        }
        Assert.Equal([SealedVote.Length], store.SealedVotes().Select(v => v.Vote.Length).Distinct());
        Assert.Equal(2, vault.OpenAll().Count());
    }

    [Fact]
    public void The_store_and_its_rollback_journal_are_0600_even_when_the_old_file_was_0644()
    {
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var store = _disk.Open()) StoreOnDisk.Vote(store);
        File.SetUnixFileMode(_disk.Path, owner | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var reopened = _disk.Open();
        Assert.Equal(owner, File.GetUnixFileMode(_disk.Path));
        UnixFileMode? journal = null;
        reopened.BeforeCommit = () => journal = File.GetUnixFileMode(_disk.Path + "-journal");
        StoreOnDisk.Vote(reopened);
        Assert.Equal(owner, journal);
    }

    [Fact]
    public void A_new_store_file_is_created_0600()
    {
        using var store = _disk.Open();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_disk.Path));
    }

    public void Dispose() => _disk.Dispose();
}
