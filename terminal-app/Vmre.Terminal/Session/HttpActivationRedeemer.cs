using System.Net.Http.Json;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;

namespace Vmre.Terminal.Session;

/// <summary>Redeems at the module server over the module LAN. No answer means no ballot: never a local guess.</summary>
public sealed class HttpActivationRedeemer(HttpClient http, string terminalId) : IActivationRedeemer
{
    public RedeemResponse Redeem(string token)
    {
        try
        {
            using var response = http.PostAsJsonAsync("/api/activations/redeem", new RedeemRequest(token, terminalId), VmreJson.Options)
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
