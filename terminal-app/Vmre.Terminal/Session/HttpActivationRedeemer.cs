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
public sealed class HttpActivationRedeemer(HttpClient http, string terminalId, ISigner deviceKey, PublicKey serverKey) : IActivationRedeemer
{
    public const string Unsigned = "the module server's answer is not signed for this request";

    public RedeemResponse Redeem(string token)
    {
        var request = RedeemRequest.Sign(token, terminalId, deviceKey);
        try
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
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return new RedeemResponse(false, $"module server unreachable: {e.Message}", null);
        }
    }
}
