using Microsoft.Data.Sqlite;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;
using Vmre.ModuleServer.Voters;

namespace Vmre.ModuleServer.Tests.Edges;

/// <summary>
/// Issue 11 point 2 (review reproduction "disk full mid-day"): the module server's data folder on
/// a real 8 MiB tmpfs that fills up while the polls are open. On main the check-in committed
/// first and its log line failed after, so a full disk marked a voter nobody was told about;
/// here the change waits for the disk: refused with a clear 503, nothing marked, the log chain
/// and module.db intact, and check-ins work again once space is freed.
/// </summary>
public sealed class DiskFullTests
{
    private static async Task<(TestModule Module, SmallDisk Disk)> OnSmallDisk(int reserveMb)
    {
        var module = await TestModule.Prepare();
        var disk = new SmallDisk(module.Dir, sizeMb: 8);
        module.DiskReserveMb = reserveMb;
        await module.Start();
        await module.OpenPolls();
        return (module, disk);
    }

    [Fact]
    public async Task A_full_disk_refuses_check_in_and_reissue_and_loses_nothing()
    {
        var (module, disk) = await OnSmallDisk(reserveMb: 0);
        try
        {
            var desk = await module.SignIn();
            var first = TestElection.Voters[0].Clave;
            var second = TestElection.Voters[1].Clave;
            var activation = await module.CheckIn(desk, first);

            disk.Fill();
            var refused = await module.Post<ErrorBody>(ServerRoutes.CheckInConfirm, CheckInConfirmRequest.Fresh(second), desk);
            Assert.Equal(503, refused.Status);
            Assert.Equal(CheckInDesk.DiskFull, refused.Body!.Error);
            // The re-issue's log line cannot be written, so the re-issue does not happen either.
            var reissue = await module.Post<ErrorBody>(ServerRoutes.CheckInReissue, new ActivationReissueRequest(first, "activation lost"), desk);
            Assert.Equal(503, reissue.Status);
            Assert.Equal(ReissueDesk.DiskFull, reissue.Body!.Error);

            Assert.False(Voted(module, second));
            Assert.True(EventLogVerifier.VerifyFile(Path.Combine(module.Dir, "events.jsonl")).IsOk);
            Assert.Equal("ok", Integrity(module));

            disk.MakeRoom();
            // The first voter's activation was not voided by the refused re-issue: it still redeems.
            var redeemed = (await module.Terminal("T1").RedeemAsync(module.Redeem(activation, "T1"))).Value!;
            Assert.True(redeemed.Accepted, redeemed.Reason);
            await module.CheckIn(desk, second);
            Assert.True(Voted(module, second));
            var chain = EventLogVerifier.VerifyFile(Path.Combine(module.Dir, "events.jsonl"));
            Assert.True(chain.IsOk, chain.Error);
        }
        finally
        {
            await Unmount(module, disk);
        }
    }

    [Fact]
    public async Task Check_ins_stop_at_the_reserve_while_checked_in_voters_still_vote()
    {
        var (module, disk) = await OnSmallDisk(reserveMb: 2);
        try
        {
            var desk = await module.SignIn();
            var activation = await module.CheckIn(desk, TestElection.Voters[0].Clave);

            disk.Fill(leaveBytes: 1024 * 1024);
            var refused = await module.Post<ErrorBody>(ServerRoutes.CheckInConfirm, CheckInConfirmRequest.Fresh(TestElection.Voters[1].Clave), desk);
            Assert.Equal(503, refused.Status);
            Assert.Equal("the module server's disk is full: check-ins are refused until space is freed", refused.Body!.Error);
            Assert.False(Voted(module, TestElection.Voters[1].Clave));
            // Below the reserve the closing can still be written, and a voter already checked in votes.
            var redeemed = (await module.Terminal("T1").RedeemAsync(module.Redeem(activation, "T1"))).Value!;
            Assert.True(redeemed.Accepted, redeemed.Reason);

            disk.MakeRoom();
            await module.CheckIn(desk, TestElection.Voters[1].Clave);
        }
        finally
        {
            await Unmount(module, disk);
        }
    }

    /// <summary>The server lets go of its files first, then the disk is unmounted, then the folder is removed.</summary>
    private static async Task Unmount(TestModule module, SmallDisk disk)
    {
        await module.Stop();
        SqliteConnection.ClearAllPools();
        disk.Dispose();
        await module.DisposeAsync();
    }

    private static bool Voted(TestModule module, string clave)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(module.Dir, "module.db")};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = "SELECT voted FROM voters WHERE clave = $c";
        command.Parameters.AddWithValue("$c", clave);
        return Convert.ToInt32(command.ExecuteScalar()) == 1;
    }

    private static string Integrity(TestModule module)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(module.Dir, "module.db")};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
