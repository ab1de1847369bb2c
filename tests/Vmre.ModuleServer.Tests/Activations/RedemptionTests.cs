using System.Text;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Firmware.Activation;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Activations;

/// <summary>rules.md R4: an activation is burned once; every other attempt is refused and logged.</summary>
public class RedemptionTests
{
    private static Task<(int, RedeemResponse?)> Redeem(TestModule m, string token, string terminal) =>
        m.Post<RedeemResponse>(ServerRoutes.RedeemActivation, m.Redeem(token, terminal));

    private static string Signed(ISigner key, string moduleId, string style, string nonce, string packageHash)
    {
        var unsigned = ActivationToken.Unsigned(moduleId, ActivationToken.PackageIdOf(packageHash), style, nonce);
        return ActivationToken.WithSignature(unsigned, key.Sign(Encoding.UTF8.GetBytes(unsigned)));
    }

    [Fact]
    public async Task A_request_not_signed_by_the_named_terminal_burns_nothing()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var activation = await module.CheckIn(await module.SignIn(), TestElection.Voters[2].Clave);

        // Someone on the LAN names T1 but signs with another key, or with T2's key.
        var impostor = RedeemRequest.Sign(activation, "T1", SoftwareSigningKey.Generate());
        var refused = (await module.Terminal("T1").RedeemAsync(impostor)).Value;
        Assert.False(refused!.Accepted);
        Assert.Equal("redemption request not signed by that terminal's key", refused.Reason);
        var borrowed = RedeemRequest.Sign(activation, "T1", module.Terminals[1].Key);
        Assert.False((await module.Terminal("T1").RedeemAsync(borrowed)).Value!.Accepted);
        // No voter's request: each keeps a timed line with its reason (rules.md R7).
        Assert.Equal(2, module.LogLines().Count(l => l.Contains("\"activation-refused\"") && l.Contains(Vmre.ModuleServer.Activations.RedemptionDesk.NotSigned)));
        var unsigned = new RedeemRequest(activation, "T1", "00", "");
        Assert.False((await module.Terminal("T1").RedeemAsync(unsigned)).Value!.Accepted);

        // The activation was not burned by any of them: the real terminal still redeems it.
        var (_, real) = await Redeem(module, activation, "T1");
        Assert.True(real!.Accepted, real.Reason);
    }

    [Fact]
    public async Task Redeemed_once_then_refused_on_any_terminal()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var activation = await module.CheckIn(await module.SignIn(), TestElection.Voters[2].Clave);

        var (_, first) = await Redeem(module, activation, "T1");
        Assert.True(first!.Accepted, first.Reason);
        Assert.Equal("E15", first.BallotStyle);
        var (_, replay) = await Redeem(module, activation, "T2");
        Assert.False(replay!.Accepted);
        Assert.Equal("activation already used", replay.Reason);
        var (_, sameTerminal) = await Redeem(module, activation, "T1");
        Assert.Equal("activation already used", sameTerminal!.Reason);

        // Issue 9 point 3: counted per terminal, no line of its own; rules.md R2: never the nonce.
        var lines = await VoterActivityLines.AfterStop(module);
        Assert.Equal(new Dictionary<string, int> { ["activation-redeemed"] = 1, ["activation-refused:already-used"] = 1 },
            VoterActivityLines.Counts(lines, "T1"));
        Assert.Equal(new Dictionary<string, int> { ["activation-refused:already-used"] = 1 }, VoterActivityLines.Counts(lines, "T2"));
        Assert.DoesNotContain(lines, l => l.Contains("\"event\":\"activation-re"));
        Assert.DoesNotContain(lines, l => l.Contains(activation.Split('|')[4][..8]));
    }

    [Fact]
    public async Task Forged_unknown_and_foreign_tokens_are_refused()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

        var (_, forged) = await Redeem(module, Signed(SoftwareSigningKey.Generate(), "MRV-CHI", "E05", nonce, module.PackageHash), "T1");
        Assert.Equal("activation signature does not verify", forged!.Reason);

        var (_, unknown) = await Redeem(module, Signed(module.ServerKey, "MRV-CHI", "E05", nonce, module.PackageHash), "T1");
        Assert.Equal("unknown activation", unknown!.Reason);

        var (_, foreign) = await Redeem(module, Signed(module.ServerKey, "MRV-DAL", "E05", nonce, module.PackageHash), "T1");
        Assert.Contains("issued by module MRV-DAL", foreign!.Reason);

        var (_, garbage) = await Redeem(module, "VMRE-A1|nonsense", "T1");
        Assert.StartsWith("malformed activation", garbage!.Reason);

        var activation = await module.CheckIn(await module.SignIn(), TestElection.Voters[0].Clave);
        // Issue 8 point 2: a terminal the config does not pair is refused at the TLS handshake,
        // before it can ask anything, and the refusal is logged.
        using (var stranger = module.StrangerHttp("T9"))
            await Assert.ThrowsAsync<HttpRequestException>(() => new ModuleServerClient(stranger).RedeemAsync(module.Redeem(activation, "T1")));
        Assert.Contains(module.LogLines(), l => l.Contains("\"lan-peer-refused\""));
        var (_, still) = await Redeem(module, activation, "T1");
        Assert.True(still!.Accepted);

        var counts = VoterActivityLines.Counts(await VoterActivityLines.AfterStop(module), "T1");
        Assert.Equal(1, counts["activation-refused:bad-signature"]);
        Assert.Equal(1, counts["activation-refused:unknown"]);
        Assert.Equal(1, counts["activation-refused:other-module"]);
        Assert.Equal(1, counts["activation-refused:malformed"]);
        Assert.Equal(1, counts["activation-redeemed"]);
    }

    [Fact]
    public async Task Nothing_is_redeemed_before_opening_or_after_closing()
    {
        await using var module = await TestModule.Started();
        var early = Signed(module.ServerKey, "MRV-CHI", "E05", new string('a', 32), module.PackageHash);
        Assert.Equal("polls are not open yet", (await Redeem(module, early, "T1")).Item2!.Reason);

        await module.OpenPolls();
        var activation = await module.CheckIn(await module.SignIn(), TestElection.Voters[0].Clave);
        var (status, _) = await module.Post<PollsCloseResponse>(ServerRoutes.PollsClose, new { }, await module.SignIn("PRES-01"));
        Assert.Equal(200, status);
        Assert.Equal("polls are closed", (await Redeem(module, activation, "T1")).Item2!.Reason);
    }
}
