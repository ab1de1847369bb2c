using Microsoft.Data.Sqlite;
using Vmre.Common.Lan;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Activations;
using Vmre.ModuleServer.Tests.Support;
using Vmre.Terminal.Session;

namespace Vmre.ModuleServer.Tests.Edges;

/// <summary>
/// Issue 11 point 3 (review reproduction "a lost redemption answer"): the module server burns the
/// activation and its answer is lost on the way back. On main the terminal showed "module server
/// unreachable" and every retry was a refused replay: the voter was lost. Now the terminal's
/// redemption client sends the same signed request again and the server answers it with the
/// acceptance it kept: the ballot opens, the activation is burned once, and a replay on another
/// terminal (or with another challenge) is still refused (rules.md R4).
/// </summary>
public sealed class LostRedemptionAnswerTests
{
    [Fact]
    public async Task The_terminal_retries_a_lost_answer_and_the_activation_burns_once()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var activation = await module.CheckIn(await module.SignIn(), TestElection.Voters[0].Clave);
        await using var relay = new AnswerDroppingRelay(new Uri(module.App!.LanUrl), () => Redeemed(module) > 0, drops: 1);

        var terminal = module.Terminals.Single(t => t.Id == "T1");
        using var http = new HttpClient(LanTls.ClientHandler(LanIdentity.Mint("T1", terminal.Key, TimeProvider.System),
            new PairedPeers(new Dictionary<string, PublicKey> { [TestElection.ModuleId] = PublicKey.FromPem(module.ServerPublicKeyPem) }), _ => { }))
            { BaseAddress = relay.Url, Timeout = TimeSpan.FromSeconds(10) };
        var redeemer = new HttpActivationRedeemer(http, "T1", terminal.Key, PublicKey.FromPem(module.ServerPublicKeyPem));

        var answer = redeemer.Redeem(activation);

        Assert.Equal(1, relay.Dropped);
        Assert.True(answer.Accepted, answer.Reason);
        Assert.Equal(TestElection.Package().StyleForEntidad(TestElection.Voters[0].Entidad)!.Id, answer.BallotStyle);
        Assert.Equal(1, Redeemed(module));
        Assert.Equal(1L, Scalar(module, "SELECT redeemed FROM terminal_redemptions WHERE terminal_id = 'T1'"));

        // A replay elsewhere, or on the same terminal with a new challenge, is still refused.
        var elsewhere = (await module.Terminal("T2").RedeemAsync(module.Redeem(activation, "T2"))).Value!;
        Assert.False(elsewhere.Accepted);
        Assert.Equal(RedemptionDesk.AlreadyUsed, elsewhere.Reason);
        var again = (await module.Terminal("T1").RedeemAsync(module.Redeem(activation, "T1"))).Value!;
        Assert.False(again.Accepted);
        Assert.Equal(RedemptionDesk.AlreadyUsed, again.Reason);
        Assert.Equal(1, Redeemed(module));

        // Counted on the terminal's voter-activity line, never a timed line of its own (rules.md R3).
        await module.Stop();
        Assert.Contains(module.LogLines(), l => l.Contains("\"voter-activity\"") && l.Contains($"\"{RedemptionDesk.Repeated}\":\"1\""));
    }

    private static int Redeemed(TestModule module) =>
        Convert.ToInt32(Scalar(module, "SELECT COUNT(*) FROM activations WHERE state = 'redeemed'"));

    private static object? Scalar(TestModule module, string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(module.Dir, "module.db")};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
