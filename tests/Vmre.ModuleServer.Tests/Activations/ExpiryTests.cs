using System.Runtime.CompilerServices;
using System.Text;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Firmware.Activation;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Activations;

/// <summary>
/// Issue 8 point 4: an activation expires after the module config's activationMinutes, judged on
/// the module server's clock only, and is good for this module's election package only.
/// </summary>
public class ExpiryTests
{
    private static readonly DateTimeOffset CheckInTime = new(2023, 6, 4, 15, 0, 0, TimeSpan.Zero);

    /// <summary>A started module whose server clock reads whatever <paramref name="now"/> holds.</summary>
    private static async Task<TestModule> StartedAt(StrongBox<DateTimeOffset> now)
    {
        var module = await TestModule.Prepare();
        module.Time = new ScriptedTime(() => now.Value);
        await module.Start();
        await module.OpenPolls();
        return module;
    }

    private static async Task<RedeemResponse> Redeem(TestModule module, string token, string terminal = "T1") =>
        (await module.Terminal(terminal).RedeemAsync(module.Redeem(token, terminal))).ValueOrThrow();

    [Fact]
    public async Task An_activation_is_redeemed_within_its_lifetime()
    {
        var now = new StrongBox<DateTimeOffset>(CheckInTime);
        await using var module = await StartedAt(now);
        var activation = await module.CheckIn(await module.SignIn(), TestElection.Voters[0].Clave);

        now.Value = CheckInTime.AddMinutes(15).AddSeconds(-1);
        var answer = await Redeem(module, activation);
        Assert.True(answer.Accepted, answer.Reason);
    }

    [Fact]
    public async Task An_activation_older_than_activation_minutes_is_refused_as_expired_and_logged()
    {
        var now = new StrongBox<DateTimeOffset>(CheckInTime);
        await using var module = await StartedAt(now);
        var activation = await module.CheckIn(await module.SignIn(), TestElection.Voters[0].Clave);

        now.Value = CheckInTime.AddMinutes(15);
        var answer = await Redeem(module, activation);
        Assert.False(answer.Accepted);
        Assert.Equal("activation expired", answer.Reason);

        // Not burned: it stays expired (the voter is not stranded, an official re-issues: ReissueTests).
        var status = await module.Status();
        Assert.Equal((1, 0, 1), (status.ActivationsIssued, status.ActivationsRedeemed, status.ActivationsPending));
        Assert.Equal("activation expired", (await Redeem(module, activation, "T2")).Reason);

        // Issue 9 point 3: each refusal counted under its terminal and code, no line of its own.
        var lines = await VoterActivityLines.AfterStop(module);
        Assert.Equal(1, VoterActivityLines.Counts(lines, "T1")["activation-refused:expired"]);
        Assert.Equal(1, VoterActivityLines.Counts(lines, "T2")["activation-refused:expired"]);
        Assert.DoesNotContain(lines, l => l.Contains(TestElection.Voters[0].Clave));
    }

    [Fact]
    public async Task A_token_signed_by_this_server_for_another_package_is_refused()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        // A rehearsal with the same keys but another package: same module, same server key.
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var unsigned = ActivationToken.Unsigned("MRV-CHI", "0123456789abcdef", "E05", nonce);
        var rehearsal = ActivationToken.WithSignature(unsigned, module.ServerKey.Sign(Encoding.UTF8.GetBytes(unsigned)));

        var answer = await Redeem(module, rehearsal);
        Assert.False(answer.Accepted);
        Assert.Equal($"activation was issued for election package 0123456789abcdef, not {module.PackageHash[..16]}", answer.Reason);
        Assert.Equal(1, VoterActivityLines.Counts(await VoterActivityLines.AfterStop(module))["activation-refused:other-package"]);
    }

    [Fact]
    public async Task A_v1_token_is_refused_by_name()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var v1 = "VMRE-A1|MRV-CHI|E05|00112233445566778899aabbccddeeff|MAYCAQECAQI";
        Assert.Equal("malformed activation: " + ActivationReasons.RetiredV1, (await Redeem(module, v1)).Reason);
    }
}
