using Microsoft.Data.Sqlite;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;
using Vmre.Terminal.Votes.Slots;

namespace Vmre.Terminal.Tests.Votes;

/// <summary>
/// Issue 10 points 2 and 6, the review's first reproduction end to end below the server: a sealed
/// vote re-stated 'voiding' on disk and a redeemed activation left over. On main, restart recovery
/// printed a void mark for the vote and counted a session without a vote, and both counts lost it.
/// Now the store's findings stop recovery: nothing is voided, counted or printed.
/// </summary>
public sealed class RestartOnAlteredStoreTests
{
    [Fact]
    public void Restart_recovery_on_a_store_with_a_restated_sealed_row_voids_nothing_and_counts_nothing()
    {
        using var rig = new BoothRig();
        rig.OpenPolls();
        rig.Vote("E05", ("GOB-05", ["MORENA"], null));
        rig.Vault.ActivationRedeemed(); // a session a cut ended: one redeemed activation with no vote yet
        var id = Assert.Single(rig.Store.SealedVotes()).TestigoId;
        using (var db = new SqliteConnection($"Data Source={Path.Combine(rig.DataDir, "votes.db")};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE slots SET body = CAST(substr(body, 1, 5) || $s || substr(body, 7) AS BLOB) WHERE instr(body, $id) > 0";
            cmd.Parameters.AddWithValue("$s", new[] { (byte)TestigoState.Voiding });
            cmd.Parameters.AddWithValue("$id", System.Text.Encoding.ASCII.GetBytes(id));
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }
        Assert.Contains(rig.Vault.VerifyStore(), f => f.Code == StoreFinding.RowAltered);
        var papers = rig.Tray.Settled().Count;

        rig.NewBooth(rig.Redeemer).Recovery.Run();

        Assert.Equal(0, rig.Store.Counter(VoteVault.SessionsAbandoned));
        Assert.Equal(1, rig.Store.Counts().Sealed);
        Assert.Empty(rig.Store.VoidMarksOwed());
        Assert.Equal(papers, rig.Tray.Settled().Count); // no void mark printed
        Assert.Contains("\"store-integrity-failure\"", File.ReadAllText(rig.LogPath));
        Assert.Contains(rig.Vault.IntegrityFindings, f => f.Code == StoreFinding.RowAltered);
    }
}
