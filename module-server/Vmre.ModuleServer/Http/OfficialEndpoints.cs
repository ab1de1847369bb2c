using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.ModuleServer.Officials;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// Officials at the desk (issue 11 point 1, design §3): a challenge for a console's reader, sign-in
/// by card (the server's desk reader and the PIN on its own screen, or a console's card answer),
/// sign-out, and lifting a PIN lock (session and card).
/// </summary>
public static class OfficialEndpoints
{
    /// <summary>Sign-in and sign-out, on every face officials use, observers' consoles included (they sign in read-only).</summary>
    public static void MapSignIn(IEndpointRouteBuilder app, OfficialSessions sessions, DeskCards cards, IssuedChallenges challenges, bool kiosk)
    {
        // Sign-out needs no card: an official who took the card away may still end the session.
        app.MapDelete(ServerRoutes.OfficialSession, (HttpRequest request) =>
            sessions.End(DeskAuthorization.Bearer(request), "signed-out") is null
                ? HttpJson.Error(StatusCodes.Status401Unauthorized, "no such session")
                : Results.NoContent());

        // Review finding 4: counted per place (kiosk or console), so one peer's flood evicts only its own.
        app.MapPost(ServerRoutes.OfficialChallenge, (HttpRequest request) =>
        {
            var (id, challenge) = challenges.Issue(DeskAuthorization.Place(request));
            return HttpJson.Ok(new IssuedCardChallenge(id, Convert.ToBase64String(challenge.Bytes)));
        });

        app.MapPost(ServerRoutes.OfficialSession, async (HttpRequest request) =>
        {
            var body = await HttpJson.Read<OfficialSignIn>(request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            var (pin, answer) = (body.Value!.Pin, body.Value.CardAnswer);
            if ((pin is null) == (answer is null))
                return HttpJson.Error(StatusCodes.Status400BadRequest, "give either pin (card on the server's desk reader) or cardAnswer (a desk console's reader)");
            SignInOutcome outcome;
            if (pin is not null)
            {
                // The PIN goes to the card on the server's own reader: only the server's own screen sends it.
                if (!kiosk) return HttpJson.Error(StatusCodes.Status400BadRequest, "a desk console signs in with its own reader's cardAnswer");
                if (pin.Length is < 4 or > 8 || !pin.All(char.IsAsciiDigit))
                    return HttpJson.Error(StatusCodes.Status400BadRequest, "the PIN is 4 to 8 digits");
                outcome = cards.SignInAtDeskReader(pin, sessions.SignedInAtDeskReader);
            }
            else outcome = cards.SignInFromConsole(answer!, DeskAuthorization.Place(request));
            return outcome.Status switch
            {
                SignInStatus.Ok => Started(sessions.Start(outcome.Official!, pin is not null ? DeskCardSource.DeskReader : DeskCardSource.Console,
                    DeskAuthorization.Place(request))),
                SignInStatus.Refused => HttpJson.Error(StatusCodes.Status401Unauthorized, outcome.Reason!),
                SignInStatus.Locked => HttpJson.Error(StatusCodes.Status423Locked, outcome.Reason!),
                SignInStatus.AlreadySignedIn => HttpJson.Error(StatusCodes.Status409Conflict, outcome.Reason!),
                _ => throw new ArgumentOutOfRangeException(nameof(request), outcome.Status, "unknown sign-in status"),
            };
        });

    }

    /// <summary>Lifting a lock: a state change, on the desk's faces only (the server's screen, desk consoles).</summary>
    public static void MapUnlock(IEndpointRouteBuilder app, OfficialSessions sessions, DeskCards cards, LockLifting lifting)
    {
        var unlock = app.MapGroup("").AddEndpointFilter(new DeskSignInFilter(sessions, cards, DeskPermit.Unlock, DeskSignInFilter.Always));
        unlock.MapPost(ServerRoutes.OfficialUnlock, async (HttpRequest request) =>
        {
            var body = await HttpJson.Read<OfficialUnlockRequest>(request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            var lifted = lifting.Lift(DeskSignInFilter.Official(request.HttpContext), body.Value!.CredentialId);
            return lifted.IsOk ? HttpJson.Ok(lifted.Value!) : lifted.Kind switch
            {
                RefusalKind.Invalid => HttpJson.Error(StatusCodes.Status404NotFound, lifted.Error!),
                RefusalKind.Forbidden => HttpJson.Error(StatusCodes.Status403Forbidden, lifted.Error!),
                var other => throw new ArgumentOutOfRangeException(nameof(request), other, "unexpected unlock refusal"),
            };
        });
    }

    private static IResult Started(DeskSession session) =>
        HttpJson.Ok(new OfficialSession(session.Token, session.Official.Role.ToString(), session.Official.Name, session.Official.CredentialId));
}
