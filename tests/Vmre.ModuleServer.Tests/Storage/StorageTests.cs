using Vmre.Common.Protocol;
using Microsoft.Data.Sqlite;
using Vmre.Common.Logging;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Storage;

/// <summary>rules.md R2, R3 and R7 as they show in what is stored.</summary>
public class StorageTests
{
    [Fact]
    public async Task Activations_table_cannot_hold_a_time_a_terminal_or_a_voter()
    {
        await using var module = await TestModule.Started();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(module.Dir, "module.db")};Mode=ReadOnly");
        connection.Open();
        using var info = connection.CreateCommand();
        info.CommandText = "SELECT name FROM pragma_table_info('activations') ORDER BY cid";
        var columns = new List<string>();
        using (var reader = info.ExecuteReader()) while (reader.Read()) columns.Add(reader.GetString(0));
        Assert.Equal(["nonce", "style", "state"], columns);

        using var sql = connection.CreateCommand();
        sql.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('voters', 'blocked', 'activations')";
        using var tables = sql.ExecuteReader();
        var count = 0;
        while (tables.Read())
        {
            count++;
            Assert.Contains("WITHOUT ROWID", tables.GetString(1));
        }
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task No_write_ahead_log_keeps_check_ins_in_commit_order()
    {
        // rules.md R2: WAL frames would pair each voter's mark with the activation issued to them.
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var token = await module.CheckIn(desk, TestElection.Voters[0].Clave);
        Assert.False(File.Exists(Path.Combine(module.Dir, "module.db-wal")));
        Assert.False(File.Exists(Path.Combine(module.Dir, "module.db-journal")));
        using var connection = new SqliteConnection($"Data Source={Path.Combine(module.Dir, "module.db")};Mode=ReadOnly");
        connection.Open();
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("delete", (string)mode.ExecuteScalar()!);
        // The nonce is stored, the voter is marked, and nothing ties the two rows together.
        Assert.NotNull(token);
    }

    [Fact]
    public async Task Event_log_chain_verifies_after_a_day()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var token = await module.CheckIn(desk, TestElection.Voters[0].Clave);
        await module.Post<object>(ServerRoutes.RedeemActivation, module.Redeem(token, "T1"));
        await module.Post<object>(ServerRoutes.RedeemActivation, module.Redeem(token, "T2"));
        var text = (await module.Client(desk).Log()).ValueOrThrow(); // issue 11: the log needs a session
        var verified = EventLogVerifier.VerifyLines(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(verified.IsOk, verified.Error);
        Assert.Contains("\"device\":\"MRV-CHI\"", text);
    }
}
