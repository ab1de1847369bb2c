using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Officials;

/// <summary>rules.md R8: credential and PIN, lockout after three failures, roles.</summary>
public class OfficialTests
{
    [Fact]
    public async Task Session_with_the_right_pin_then_lockout_after_three_wrong_ones()
    {
        await using var module = await TestModule.Started();
        var (ok, session) = await module.Post<OfficialSession>(ServerRoutes.OfficialSession, new OfficialCredential("SEC-01", TestModule.Pin));
        Assert.Equal(200, ok);
        Assert.Equal("Secretario", session!.Role);
        Assert.Equal(64, session.Token.Length);

        for (var i = 0; i < 2; i++)
        {
            var (status, error) = await module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialCredential("SEC-01", "0000"));
            Assert.Equal(401, status);
            Assert.Equal("wrong PIN", error!.Error);
        }
        var (third, locked) = await module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialCredential("SEC-01", "1111"));
        Assert.Equal(423, third);
        Assert.Equal("credential locked after 3 failed PIN attempts", locked!.Error);

        var (after, _) = await module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialCredential("SEC-01", TestModule.Pin));
        Assert.Equal(423, after);

        var lines = module.LogLines();
        Assert.Equal(5, lines.Count(l => l.Contains("official-pin-")));
        Assert.DoesNotContain(lines, l => l.Contains(TestModule.Pin) || l.Contains("\"0000\"") || l.Contains("1111"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var token = await module.SignIn("SEC-01");
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, ServerRoutes.OfficialSession);
        signOut.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(204, (int)(await module.Http.SendAsync(signOut)).StatusCode);

        // A copied token is worthless afterwards.
        var (status, _) = await module.Post<ErrorBody>(ServerRoutes.CheckInLookup, new CheckInLookupRequest(null, TestElection.Voters[0].Clave), token);
        Assert.Equal(401, status);
        Assert.Contains(module.LogLines(), l => l.Contains("official-signed-out") && l.Contains("SEC-01"));
    }

    [Fact]
    public async Task Lockout_survives_a_restart()
    {
        await using var module = await TestModule.Started();
        for (var i = 0; i < 3; i++)
            await module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialCredential("ESC-01", "9999"));
        await module.Stop();
        await module.Start();
        var (status, _) = await module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialCredential("ESC-01", TestModule.Pin));
        Assert.Equal(423, status);
    }

    [Fact]
    public async Task Unknown_credential_is_refused()
    {
        await using var module = await TestModule.Started();
        var (status, error) = await module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialCredential("NOBODY", TestModule.Pin));
        Assert.Equal(401, status);
        Assert.Equal("unknown credential", error!.Error);
    }

    [Theory]
    [InlineData("TEC-01")]
    [InlineData("OBS-01")]
    public async Task Technicians_and_observers_cannot_use_the_desk(string credential)
    {
        await using var module = await TestModule.Started();
        var token = await module.SignIn(credential);
        var (status, error) = await module.Post<ErrorBody>(ServerRoutes.CheckInLookup, new CheckInLookupRequest(null, TestElection.Voters[0].Clave), token);
        Assert.Equal(403, status);
        Assert.Contains("may not use the check-in desk", error!.Error);
    }

    [Fact]
    public async Task Desk_needs_a_session()
    {
        await using var module = await TestModule.Started();
        var (none, _) = await module.Post<ErrorBody>(ServerRoutes.CheckInLookup, new CheckInLookupRequest(null, "X"));
        var (bogus, _) = await module.Post<ErrorBody>(ServerRoutes.CheckInLookup, new CheckInLookupRequest(null, "X"), "deadbeef");
        Assert.Equal(401, none);
        Assert.Equal(401, bogus);
    }

    [Fact]
    public async Task Only_presidente_or_secretario_open_the_polls()
    {
        await using var module = await TestModule.Started();
        var (status, error) = await module.Post<ErrorBody>(ServerRoutes.PollsOpen, new OfficialCredential("ESC-01", TestModule.Pin));
        Assert.Equal(403, status);
        Assert.Contains("may not open polls", error!.Error);
        var (wrong, _) = await module.Post<ErrorBody>(ServerRoutes.PollsOpen, new OfficialCredential("PRES-01", "0000"));
        Assert.Equal(401, wrong);
    }
}
