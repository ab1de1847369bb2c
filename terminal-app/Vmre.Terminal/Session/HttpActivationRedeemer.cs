using System.Net.Http.Json;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Terminal.Session;

/// <summary>
/// Redeems at the module server over the module LAN, the request signed by the device key in
/// the TPM. No answer means no ballot: never a local guess.
/// </summary>
public sealed class HttpActivationRedeemer(HttpClient http, string terminalId, ISigner deviceKey) : IActivationRedeemer
{
    public RedeemResponse Redeem(string token)
    {
        try
        {
            using var response = http.PostAsJsonAsync("/api/activations/redeem", RedeemRequest.Sign(token, terminalId, deviceKey), VmreJson.Options)
                .GetAwaiter().GetResult();
            var body = response.Content.ReadFromJsonAsync<RedeemResponse>(VmreJson.Options).GetAwaiter().GetResult();
            return body ?? new RedeemResponse(false, $"module server answered {(int)response.StatusCode} without a body", null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return new RedeemResponse(false, $"module server unreachable: {e.Message}", null);
        }
    }
}
