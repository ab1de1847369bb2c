using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Terminal.Session;

/// <summary>
/// Redeems at the module server over the module LAN: the request is signed by the device key
/// in the TPM and carries a fresh challenge; only an answer signed by the module server's key
/// over that very request counts (docs/formats/module-messages.md). No valid answer means no
/// ballot: never a local guess (rules.md R4).
/// </summary>
/// <remarks>
/// Issue 11 point 3: the server may have burned the activation and lost the answer on the way
/// back (a timeout, a reset connection). The very same signed request (same challenge) is sent
/// again, up to <see cref="Attempts"/> times in all; the server answers a repeat of the request it
/// burned for with the acceptance it kept, and any other request for that activation with a
/// refused replay. A new challenge is never made for a retry: that would be a replay.
/// </remarks>
public sealed class HttpActivationRedeemer(HttpClient http, string terminalId, ISigner deviceKey, PublicKey serverKey) : IActivationRedeemer
{
    public const string Unsigned = "the module server's answer is not signed for this request";
    public const int Attempts = 3;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public RedeemResponse Redeem(string token)
    {
        var request = RedeemRequest.Sign(token, terminalId, deviceKey);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Answer(request);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                if (attempt >= Attempts)
                    return new RedeemResponse(false, $"module server unreachable after {Attempts} attempts: {e.Message}", null);
                Thread.Sleep(Pause * attempt);
            }
            catch (System.Text.Json.JsonException e)
            {
                return new RedeemResponse(false, $"module server unreachable: {e.Message}", null);
            }
        }
    }

    private RedeemResponse Answer(RedeemRequest request)
    {
        // Synchronous all the way (ModuleServerClient.Redeem uses HttpClient.Send): the booth
        // holds its lock while it waits, and blocking on an async call would need a thread-pool
        // thread for the answer while the pool's threads wait on that same lock (GET /api/state,
        // the inactivity timer): the `./vmre bench` run showed a voter held 9 s by that
        // starvation (rules.md R10).
        var answer = new ModuleServerClient(http).Redeem(request);
        // A refusal carries the server's signed RedeemResponse as its body, like an acceptance.
        var body = answer.Value;
        if (body is null) return new RedeemResponse(false, answer.IsOk ? "module server answered without a body" : $"module server answered without a body: {answer.Error}", null);
        return body.Answers(request, serverKey) ? body : new RedeemResponse(false, Unsigned, null);
    }
}
