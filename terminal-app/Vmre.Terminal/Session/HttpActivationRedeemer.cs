using System.Net.Http.Json;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Terminal.Session;

/// <summary>
/// Redeems at the module server over the module LAN: the request is signed by the device key
/// in the TPM and carries a fresh challenge; only an answer signed by the module server's key
/// over that very request counts (docs/formats/module-messages.md). No valid answer means no
/// ballot: never a local guess (brief rule 4).
/// </summary>
public sealed class HttpActivationRedeemer(HttpClient http, string terminalId, ISigner deviceKey, PublicKey serverKey) : IActivationRedeemer
{
    public const string Unsigned = "the module server's answer is not signed for this request";

    public RedeemResponse Redeem(string token)
    {
        var request = RedeemRequest.Sign(token, terminalId, deviceKey);
        try
        {
            using var response = http.PostAsJsonAsync("/api/activations/redeem", request, VmreJson.Options).GetAwaiter().GetResult();
            var body = response.Content.ReadFromJsonAsync<RedeemResponse>(VmreJson.Options).GetAwaiter().GetResult();
            if (body is null) return new RedeemResponse(false, $"module server answered {(int)response.StatusCode} without a body", null);
            return body.Answers(request, serverKey) ? body : new RedeemResponse(false, Unsigned, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return new RedeemResponse(false, $"module server unreachable: {e.Message}", null);
        }
    }
}
