using Vmre.Common.Serialization;
using ActaRecord = Vmre.Common.Acta.Acta;

namespace Vmre.Common.Protocol;

/// <summary>
/// The module server's HTTP API (<see cref="ServerRoutes"/>) as its callers speak it: the desk
/// (officials' session, check-in, activation QR, polls, status, acta, log, terminals) and the
/// terminals (redeem). Desk calls carry the official's session as a bearer (rules.md R8). The
/// caller owns the HttpClient and its base address.
/// </summary>
public sealed class ModuleServerClient(HttpClient http)
{
    /// <summary>The desk session token from <see cref="SignIn"/>, sent with every desk call.</summary>
    public string? Bearer { get; set; }

    /// <summary>
    /// A LAN desk console's card on its own reader (issue 11 design §3): given a fresh server
    /// challenge, the <see cref="CardPresenceHeader"/> value of the card's PRESENCE answer. Null on the
    /// server's own screen, where the server asks its desk reader itself.
    /// </summary>
    public Func<IssuedCardChallenge, Task<string?>>? CardPresence { get; set; }

    /// <summary>Sign in: <c>{"pin"}</c> with the card on the server's desk reader, or a console's card answer.</summary>
    public Task<Parsed<OfficialSession>> SignIn(OfficialSignIn signIn) => ApiAnswer.Json<OfficialSession>(http,
        ApiAnswer.Request(HttpMethod.Post, At(ServerRoutes.OfficialSession), signIn));

    /// <summary>A fresh challenge for a console's card reader (single use, 60 s).</summary>
    public Task<Parsed<IssuedCardChallenge>> Challenge() => ApiAnswer.Json<IssuedCardChallenge>(http,
        ApiAnswer.Request(HttpMethod.Post, At(ServerRoutes.OfficialChallenge), new { }));

    /// <summary>Lift a credential's PIN lock (the presidente), or approve lifting the presidente's own (two officials).</summary>
    public Task<Parsed<OfficialUnlockAnswer>> Unlock(OfficialUnlockRequest request) => Post<OfficialUnlockAnswer>(ServerRoutes.OfficialUnlock, request);

    public Task<Parsed<NoBody>> SignOut() => Send<NoBody>(HttpMethod.Delete, ServerRoutes.OfficialSession);

    public Task<Parsed<CheckInLookupResponse>> LookUp(CheckInLookupRequest request) => Post<CheckInLookupResponse>(ServerRoutes.CheckInLookup, request);

    /// <summary>Mark the voter as voted and issue one single-use activation (rules.md R4).</summary>
    public Task<Parsed<CheckInConfirmResponse>> ConfirmCheckIn(CheckInConfirmRequest request) => Post<CheckInConfirmResponse>(ServerRoutes.CheckInConfirm, request);

    /// <summary>Void the voter's unredeemed activation and issue a new one (issue 8 point 4); never after it was redeemed.</summary>
    public Task<Parsed<ActivationReissueResponse>> ReissueActivation(ActivationReissueRequest request) =>
        Post<ActivationReissueResponse>(ServerRoutes.CheckInReissue, request);

    /// <summary>The activation code as an SVG QR symbol.</summary>
    public Task<Parsed<string>> ActivationQr(string code) =>
        ApiAnswer.Text(http, ApiAnswer.Request(HttpMethod.Get, At(ServerRoutes.ActivationQr + "?code=" + Uri.EscapeDataString(code)), bearer: Bearer));

    /// <summary>Open the polls: a presidente/secretario session with the card on the reader (issue 11 point 1).</summary>
    public Task<Parsed<PollsOpenResponse>> OpenPolls() => Post<PollsOpenResponse>(ServerRoutes.PollsOpen, new { });

    public Task<Parsed<PollsCloseResponse>> ClosePolls() => Post<PollsCloseResponse>(ServerRoutes.PollsClose, new { });

    public Task<Parsed<ModuleStatus>> Status() => Send<ModuleStatus>(HttpMethod.Get, ServerRoutes.Status);

    public Task<Parsed<ActaRecord>> Acta() => Send<ActaRecord>(HttpMethod.Get, ServerRoutes.Acta);

    /// <summary>The server's event log as NDJSON text (rules.md R7).</summary>
    public Task<Parsed<string>> Log() => ApiAnswer.Text(http, ApiAnswer.Request(HttpMethod.Get, At(ServerRoutes.Log), bearer: Bearer));

    public Task<Parsed<List<TerminalSighting>>> Terminals() => Send<List<TerminalSighting>>(HttpMethod.Get, ServerRoutes.Terminals);

    /// <summary>
    /// Terminal → server: burn an activation. Synchronous (HttpClient.Send): the booth holds its
    /// lock while it waits, and no thread-pool thread may be needed for the answer (rules.md R10).
    /// </summary>
    public Parsed<RedeemResponse> Redeem(RedeemRequest request) =>
        ApiAnswer.JsonNow<RedeemResponse>(http, ApiAnswer.Request(HttpMethod.Post, At(ServerRoutes.RedeemActivation), request));

    /// <summary>Terminal → server, for callers that need not hold a lock (the simulator's impostor check).</summary>
    public Task<Parsed<RedeemResponse>> RedeemAsync(RedeemRequest request) => Post<RedeemResponse>(ServerRoutes.RedeemActivation, request);

    /// <summary>
    /// Terminal → server: a signed count report (issue 10 point 3). Synchronous, like
    /// <see cref="Redeem"/>: the reporter sends from its own thread and never holds the booth's lock.
    /// </summary>
    public Parsed<CountReportAnswer> ReportCounts(Vmre.Common.Closing.SignedCountReport report) =>
        ApiAnswer.JsonNow<CountReportAnswer>(http, ApiAnswer.Request(HttpMethod.Post, At(ServerRoutes.CountReport), report));

    private static Uri At(string path) => ApiAnswer.At(null, path);

    private async Task<Parsed<T>> Post<T>(string path, object body)
    {
        var request = ApiAnswer.Request(HttpMethod.Post, At(path), body, Bearer);
        if (CardPresence is { } presence && path != ServerRoutes.CheckInLookup)
        {
            var challenge = await Challenge();
            if (!challenge.IsOk) return Parsed<T>.Fail("no card challenge: " + challenge.Error, challenge.Kind);
            if (await presence(challenge.Value!) is { } header) request.Headers.Add(CardPresenceHeader.Name, header);
        }
        return await ApiAnswer.Json<T>(http, request);
    }

    private Task<Parsed<T>> Send<T>(HttpMethod method, string path) => ApiAnswer.Json<T>(http, ApiAnswer.Request(method, At(path), bearer: Bearer));
}
