using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;
using Vmre.TestSupport;

namespace Vmre.ModuleServer.Tests.Officials;

/// <summary>
/// rules.md R8, issue 11 point 1, at the server: sign-in by a card that proves its secret (in-process
/// test cards here, for the code above the reader), per-credential lockout counted only for a
/// genuine card's wrong PIN, doubling locks, roles. The real card emulator over a pty is in
/// OfficialCardEndToEndTests and the point-7 regression tests.
/// </summary>
public class OfficialTests
{
    private static readonly DateTimeOffset Morning = new(2023, 6, 4, 14, 0, 0, TimeSpan.Zero);

    private static async Task<(TestModule Module, Func<TimeSpan, DateTimeOffset> Advance)> WithClock()
    {
        var module = await TestModule.Prepare();
        var now = Morning;
        module.Time = new ScriptedTime(() => now);
        await module.Start();
        return (module, by => now += by);
    }

    private static Task<(int Status, ErrorBody? Body)> AtDeskReader(TestModule module, string pin) =>
        module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialSignIn(Pin: pin));

    [Fact]
    public async Task Card_on_the_desk_reader_and_PIN_sign_in_and_three_wrong_PINs_lock_for_a_minute_then_two()
    {
        var (module, advance) = await WithClock();
        await using var _ = module;
        Assert.Equal((401, "put your official card on the desk reader"), Said(await AtDeskReader(module, TestModule.Pin)));
        module.DeskReader.Place(module.Cards["SEC-01"]);
        var (ok, session) = await module.Post<OfficialSession>(ServerRoutes.OfficialSession, new OfficialSignIn(Pin: TestModule.Pin));
        Assert.Equal(200, ok);
        Assert.Equal(("Secretario", "SEC-01", 64), (session!.Role, session.CredentialId, session.Token.Length));
        // Review finding 8: while that session lives, its card on the reader takes no PIN.
        Assert.Equal(204, await SignOut(module, session.Token));

        Assert.Equal((401, "wrong PIN (1 of 3 before a lock)"), Said(await AtDeskReader(module, "0000")));
        Assert.Equal((401, "wrong PIN (2 of 3 before a lock)"), Said(await AtDeskReader(module, "1111")));
        Assert.Equal((423, "credential locked until 14:01:00 UTC after 3 wrong PINs"), Said(await AtDeskReader(module, "2222")));
        Assert.Equal(423, (await AtDeskReader(module, TestModule.Pin)).Status);
        advance(TimeSpan.FromSeconds(61));
        // After the lock ends the next wrong PIN locks again, twice as long.
        Assert.Equal((423, "credential locked until 14:03:01 UTC after 4 wrong PINs"), Said(await AtDeskReader(module, "3333")));
        advance(TimeSpan.FromMinutes(2));
        Assert.Equal(200, (await AtDeskReader(module, TestModule.Pin)).Status);

        var lines = module.LogLines();
        Assert.Equal(2, lines.Count(l => l.Contains("\"official-locked\"") && l.Contains("SEC-01")));
        Assert.DoesNotContain(lines, l => new[] { TestModule.Pin, "0000", "1111", "2222", "3333" }.Any(pin => l.Contains($"\"{pin}\"")));
    }

    [Fact]
    public async Task Forged_and_replayed_answers_are_refused_and_never_count_toward_a_lock()
    {
        await using var module = await TestModule.Started();
        using var forger = new TestCard("SEC-01", "0000"); // the id from the log, a key of its own
        for (var i = 0; i < 10; i++)
        {
            var forged = await module.SignInWith(forger, "0000");
            Assert.Equal("the card's answer is not signed by the card registered for SEC-01", forged.Error);
        }
        // Two genuine wrong PINs, then the second one's answer replayed: were the replay counted it
        // would be the third and lock SEC-01 (review finding 15).
        Assert.Equal("wrong PIN (1 of 3 before a lock)", (await module.SignInWith(module.Cards["SEC-01"], "8888")).Error);
        var challenge = (await module.Client().Challenge()).ValueOrThrow();
        var answer = module.Cards["SEC-01"].Answer(challenge, "9999");
        var (second, wrong) = await module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialSignIn(CardAnswer: answer));
        Assert.Equal((401, "wrong PIN (2 of 3 before a lock)"), (second, wrong!.Error));
        var (replayed, why) = await module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialSignIn(CardAnswer: answer));
        Assert.Equal((401, "unknown, used or expired challenge: ask for a new one"), (replayed, why!.Error));

        Assert.True((await module.SignInWith(module.Cards["SEC-01"], TestModule.Pin)).IsOk); // two genuine wrong PINs only: not locked
        var lines = module.LogLines();
        Assert.Equal(10, lines.Count(l => l.Contains("\"official-card-refused\"") && l.Contains("SEC-01")));
        Assert.DoesNotContain(lines, l => l.Contains("\"official-locked\""));
    }

    [Fact]
    public async Task The_presidente_lifts_a_lock_and_two_officials_lift_the_presidentes_own()
    {
        await using var module = await TestModule.Started();
        for (var i = 0; i < 3; i++) await module.SignInWith(module.Cards["ESC-01"], "0000");
        Assert.Equal(RefusalKindOf423, (await module.SignInWith(module.Cards["ESC-01"], TestModule.Pin)).Kind);
        var presidente = await module.SignIn("PRES-01");
        var lifted = (await module.Client(presidente).Unlock(new OfficialUnlockRequest("ESC-01"))).ValueOrThrow();
        Assert.True(lifted.Lifted);
        var escrutador = await module.SignIn("ESC-01");

        for (var i = 0; i < 3; i++) await module.SignInWith(module.Cards["PRES-01"], "0000");
        Assert.False((await module.SignInWith(module.Cards["PRES-01"], TestModule.Pin)).IsOk);
        Assert.Equal(403, (await module.Post<ErrorBody>(ServerRoutes.OfficialUnlock, new OfficialUnlockRequest("PRES-01"), await module.SignIn("OBS-01"))).Status);
        var first = (await module.Client(escrutador).Unlock(new OfficialUnlockRequest("PRES-01"))).ValueOrThrow();
        Assert.Equal((false, 1), (first.Lifted, first.Approvals));
        Assert.False((await module.SignInWith(module.Cards["PRES-01"], TestModule.Pin)).IsOk);
        // The same official approving twice is still one approval (review finding 15).
        var again = (await module.Client(escrutador).Unlock(new OfficialUnlockRequest("PRES-01"))).ValueOrThrow();
        Assert.Equal((false, 1), (again.Lifted, again.Approvals));
        Assert.Equal(423, (await module.Post<ErrorBody>(ServerRoutes.OfficialSession,
            new OfficialSignIn(CardAnswer: module.Cards["PRES-01"].Answer((await module.Client().Challenge()).ValueOrThrow(), TestModule.Pin)))).Status);
        var second = (await module.Client(await module.SignIn("SEC-01")).Unlock(new OfficialUnlockRequest("PRES-01"))).ValueOrThrow();
        Assert.True(second.Lifted);
        Assert.True((await module.SignInWith(module.Cards["PRES-01"], TestModule.Pin)).IsOk);

        var lines = module.LogLines();
        Assert.Contains(lines, l => l.Contains("\"official-lockout-lifted\"") && l.Contains("\"PRES-01\"") && l.Contains("\"credential\":\"ESC-01\""));
        Assert.Equal(3, lines.Count(l => l.Contains("\"official-unlock-approved\"") && l.Contains("\"credential\":\"PRES-01\"")));
        Assert.Contains(lines, l => l.Contains("\"official-lockout-lifted\"") && l.Contains("\"approvedBy\":\"ESC-01,SEC-01\""));
    }

    private const Vmre.Common.Serialization.RefusalKind RefusalKindOf423 = Vmre.Common.Serialization.RefusalKind.Locked;

    [Fact]
    public async Task A_session_ends_after_the_idle_time_and_when_its_card_leaves_the_desk_reader()
    {
        var (module, advance) = await WithClock();
        await using var _ = module;
        await module.OpenPolls();
        var idle = await module.SignIn("ESC-01");
        advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(401, (await module.Post<ErrorBody>(ServerRoutes.CheckInLookup, new CheckInLookupRequest(null, TestElection.Voters[0].Clave), idle)).Status);
        Assert.Contains(module.LogLines(), l => l.Contains("\"official-signed-out\"") && l.Contains("ESC-01") && l.Contains("\"reason\":\"idle\""));

        module.DeskReader.Place(module.Cards["SEC-01"]);
        var (_, session) = await module.Post<OfficialSession>(ServerRoutes.OfficialSession, new OfficialSignIn(Pin: TestModule.Pin));
        var desk = module.Client(session!.Token);
        Assert.Equal(CheckInOutcome.Activated, (await desk.ConfirmCheckIn(CheckInConfirmRequest.Fresh(TestElection.Voters[0].Clave))).ValueOrThrow().Outcome);
        module.DeskReader.Place(null);
        var gone = await desk.ConfirmCheckIn(CheckInConfirmRequest.Fresh(TestElection.Voters[1].Clave));
        Assert.Equal("your card must stay on the reader (no card on the desk reader): signed out, sign in again", gone.Error);
        module.DeskReader.Place(module.Cards["SEC-01"]);
        Assert.False((await desk.LookUp(new CheckInLookupRequest(null, TestElection.Voters[1].Clave))).IsOk);
        Assert.Contains(module.LogLines(), l => l.Contains("\"official-signed-out\"") && l.Contains("SEC-01") && l.Contains("\"reason\":\"card-removed\""));
        Assert.Equal(1, (await module.Status()).CheckedIn);
    }

    [Fact]
    public async Task Polls_open_needs_a_presidente_or_secretario_session_and_the_card()
    {
        await using var module = await TestModule.Started();
        Assert.Equal(401, (await module.Post<ErrorBody>(ServerRoutes.PollsOpen, new { })).Status);
        var (status, error) = await module.Post<ErrorBody>(ServerRoutes.PollsOpen, new { }, await module.SignIn("ESC-01"));
        Assert.Equal(403, status);
        Assert.Contains("may not open or close the polls", error!.Error);
        // A presidente's session whose card is not on any reader: refused and signed out.
        var presidente = await module.SignIn("PRES-01");
        var bare = new ModuleServerClient(module.Http) { Bearer = presidente };
        Assert.StartsWith("your card must stay on the reader", (await bare.OpenPolls()).Error);
        Assert.Equal(PollsState.NotOpen, (await module.Status()).State);
    }

    [Fact]
    public async Task The_log_needs_a_session_and_observers_read_it_but_act_on_nothing()
    {
        await using var module = await TestModule.Started();
        Assert.False((await module.Client().Log()).IsOk);
        var observer = await module.SignIn("OBS-01");
        Assert.Contains("module-server-started", (await module.Client(observer).Log()).ValueOrThrow());
        Assert.Equal(403, (await module.Post<ErrorBody>(ServerRoutes.PollsOpen, new { }, observer)).Status);
        Assert.Equal(403, (await module.Post<ErrorBody>(ServerRoutes.CheckInLookup, new CheckInLookupRequest(null, "X"), observer)).Status);
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
        for (var i = 0; i < 3; i++) await module.SignInWith(module.Cards["ESC-01"], "9999");
        await module.Stop();
        await module.Start();
        Assert.Equal(RefusalKindOf423, (await module.SignInWith(module.Cards["ESC-01"], TestModule.Pin)).Kind);
    }

    [Fact]
    public async Task A_card_of_no_official_here_is_refused()
    {
        await using var module = await TestModule.Started();
        using var stranger = new TestCard("NOBODY", TestModule.Pin);
        Assert.Equal("this card is not an official's of this module", (await module.SignInWith(stranger, TestModule.Pin)).Error);
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

    private static async Task<int> SignOut(TestModule module, string token)
    {
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, ServerRoutes.OfficialSession);
        signOut.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return (int)(await module.Http.SendAsync(signOut)).StatusCode;
    }

    private static (int, string?) Said((int Status, ErrorBody? Body) answer) => (answer.Status, answer.Body?.Error);
}
