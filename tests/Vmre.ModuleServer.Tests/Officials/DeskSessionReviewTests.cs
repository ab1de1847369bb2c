using System.Net.Http.Headers;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Officials;
using Vmre.ModuleServer.Tests.Consoles;
using Vmre.ModuleServer.Tests.Support;
using Vmre.TestSupport;

namespace Vmre.ModuleServer.Tests.Officials;

/// <summary>
/// The security review of issue 11's desk sign-in (findings 4, 5, 6, 8): a challenge flood signs
/// nobody out, a desk-reader session ends on its next request of any kind once the card is gone,
/// a token works only where it was issued, and a signed-in official's card on the kiosk reader
/// takes no PIN from whoever stands there.
/// </summary>
public sealed class DeskSessionReviewTests
{
    [Fact]
    public void A_flood_of_challenges_evicts_only_that_places_own_oldest()
    {
        var challenges = new IssuedChallenges(TimeProvider.System);
        var console = DeskPlace.Console("DESK-01");
        var (kept, _) = challenges.Issue(console);
        var (ownOldest, _) = challenges.Issue(DeskPlace.Kiosk);
        for (var i = 0; i < 10_000; i++) challenges.Issue(DeskPlace.Kiosk);
        Assert.Null(challenges.Take(ownOldest, DeskPlace.Kiosk));
        // Another place's challenge is not taken by the kiosk, and is still there for its console.
        Assert.Null(challenges.Take(kept, DeskPlace.Kiosk));
        Assert.NotNull(challenges.Take(kept, console));
        Assert.Null(challenges.Take(kept, console));
    }

    [Fact]
    public async Task An_unknown_presence_challenge_refuses_that_request_and_leaves_the_session()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var token = await module.SignIn("SEC-01");
        var evicted = (await module.Client().Challenge()).ValueOrThrow();
        for (var i = 0; i < IssuedChallenges.PerPlace + 4; i++) (await module.Client().Challenge()).ValueOrThrow();

        using var request = new HttpRequestMessage(HttpMethod.Post, ServerRoutes.CheckInConfirm)
            { Content = new ByteArrayContent(Vmre.Common.Serialization.VmreJson.Bytes(CheckInConfirmRequest.Fresh(TestElection.Voters[0].Clave))) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add(CardPresenceHeader.Name, module.Cards["SEC-01"].PresenceHeader(evicted));
        using var refused = await module.Http.SendAsync(request);
        Assert.Equal(401, (int)refused.StatusCode);
        Assert.Contains("the presence challenge is unknown or expired: ask for a new one", await refused.Content.ReadAsStringAsync());

        // Still signed in: the next request with a fresh challenge checks the voter in.
        Assert.Equal(CheckInOutcome.Activated, (await module.Client(token).ConfirmCheckIn(CheckInConfirmRequest.Fresh(TestElection.Voters[0].Clave))).ValueOrThrow().Outcome);
        Assert.DoesNotContain(module.LogLines(), l => l.Contains("\"official-signed-out\"") && l.Contains("SEC-01"));
    }

    [Fact]
    public async Task A_desk_reader_session_ends_on_a_read_once_its_card_is_gone_or_another_card_is_there()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        module.DeskReader.Place(module.Cards["SEC-01"]);
        var desk = module.Client(await AtDeskReader(module));
        Assert.True((await desk.LookUp(new CheckInLookupRequest(null, TestElection.Voters[0].Clave))).IsOk);
        module.DeskReader.Place(null);
        Assert.Equal("your card must stay on the reader (no card on the desk reader): signed out, sign in again",
            (await desk.LookUp(new CheckInLookupRequest(null, TestElection.Voters[0].Clave))).Error);
        module.DeskReader.Place(module.Cards["SEC-01"]);
        Assert.False((await desk.Log()).IsOk); // ended, not paused

        var again = module.Client(await AtDeskReader(module));
        module.DeskReader.Place(module.Cards["ESC-01"]);
        Assert.Equal("your card must stay on the reader (another card is on the desk reader): signed out, sign in again", (await again.Log()).Error);
        Assert.Equal(2, module.LogLines().Count(l => l.Contains("\"official-signed-out\"") && l.Contains("SEC-01") && l.Contains("\"reason\":\"card-removed\"")));
    }

    [Fact]
    public async Task A_signed_in_officials_card_on_the_kiosk_reader_takes_no_PIN_until_signed_out()
    {
        await using var module = await TestModule.Started();
        module.DeskReader.Place(module.Cards["SEC-01"]);
        var token = await AtDeskReader(module);
        for (var i = 0; i < 4; i++)
        {
            var (status, body) = await module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialSignIn(Pin: "0000"));
            Assert.Equal((409, "already signed in with this card: sign out first"), (status, body!.Error));
        }
        Assert.True((await module.Client(token).Log()).IsOk); // the session is untouched
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, ServerRoutes.OfficialSession);
        signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(204, (int)(await module.Http.SendAsync(signOut)).StatusCode);
        // No wrong PIN was counted: the first one after signing out is the first of three.
        Assert.Equal("wrong PIN (1 of 3 before a lock)", (await module.Post<ErrorBody>(ServerRoutes.OfficialSession, new OfficialSignIn(Pin: "0000"))).Body!.Error);
        var lines = module.LogLines();
        Assert.Equal(4, lines.Count(l => l.Contains("\"official-pin-refused\"") && l.Contains("SEC-01") && l.Contains("already signed in with this card")));
        Assert.DoesNotContain(lines, l => l.Contains("\"0000\""));
    }

    [Fact]
    public async Task A_session_token_works_only_at_the_desk_it_was_issued_at()
    {
        await using var consoles = await ConsoleModule.Started();
        await consoles.Module.OpenPolls();
        var kiosk = await consoles.Run(ConsoleModule.Desk);
        var atConsole = await TestModule.SignedInClient(kiosk, consoles.Module.Cards["SEC-01"]);
        var lookup = new CheckInLookupRequest(null, TestElection.Voters[0].Clave);
        Assert.True((await atConsole.LookUp(lookup)).IsOk);

        // The console's token on the server's own screen, and the server screen's token through the console.
        Assert.Equal("this session belongs to another desk", (await new ModuleServerClient(consoles.Module.Http) { Bearer = atConsole.Bearer }.LookUp(lookup)).Error);
        var atServer = await consoles.Module.SignIn("ESC-01");
        Assert.Equal("this session belongs to another desk", (await new ModuleServerClient(kiosk) { Bearer = atServer }.LookUp(lookup)).Error);
        // Refused, not ended: each still works where it was issued.
        Assert.True((await atConsole.LookUp(lookup)).IsOk);
        Assert.True((await consoles.Module.Client(atServer).LookUp(lookup)).IsOk);
        var refusals = consoles.Module.LogLines().Where(l => l.Contains("\"official-session-refused\"")).ToArray();
        Assert.Contains(refusals, l => l.Contains("SEC-01") && l.Contains($"\"issuedAt\":\"console:{ConsoleModule.Desk}\"") && l.Contains("\"shownAt\":\"kiosk\""));
        Assert.Contains(refusals, l => l.Contains("ESC-01") && l.Contains("\"issuedAt\":\"kiosk\"") && l.Contains($"\"shownAt\":\"console:{ConsoleModule.Desk}\""));
    }

    private static async Task<string> AtDeskReader(TestModule module)
    {
        var (status, session) = await module.Post<OfficialSession>(ServerRoutes.OfficialSession, new OfficialSignIn(Pin: TestModule.Pin));
        Assert.Equal(200, status);
        return session!.Token;
    }
}
