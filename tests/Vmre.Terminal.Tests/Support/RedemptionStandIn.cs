using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Firmware.Activation;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// The module server's POST /api/activations/redeem reduced to what a terminal process needs:
/// the request must be signed by the paired terminal's key, each nonce burns once (rules.md R4),
/// and every answer is signed with the test election's server key over the very request, as
/// RedemptionDesk answers. Real Kestrel on https://127.0.0.1 with mutual TLS (the server's
/// identity, the paired terminal's key only), so the terminal's real HTTP client talks to it.
/// </summary>
public sealed class RedemptionStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HashSet<string> _burned = [];

    private readonly Vmre.Common.Lan.LanIdentity _identity;

    private RedemptionStandIn(WebApplication app, Vmre.Common.Lan.LanIdentity identity) => (_app, _identity) = (app, identity);

    public string Url => _app.Urls.First().TrimEnd('/');

    public static async Task<RedemptionStandIn> Start(TestElection election, string terminalPublicPem)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var identity = ServerOnLan.Identity(election);
        ServerOnLan.Listen(builder, identity, terminalPublicPem);
        var app = builder.Build();
        var standIn = new RedemptionStandIn(app, identity);
        var terminalKey = PublicKey.FromPem(terminalPublicPem);
        app.MapPost(ServerRoutes.RedeemActivation, async (HttpRequest http) =>
        {
            var request = await http.ReadFromJsonAsync<RedeemRequest>(VmreJson.Options);
            if (request is null) return Results.BadRequest();
            return Results.Json(standIn.Answer(request, terminalKey, election.Server), VmreJson.Options);
        });
        await app.StartAsync();
        return standIn;
    }

    private RedeemResponse Answer(RedeemRequest request, PublicKey terminalKey, ISigner serverKey)
    {
        if (!request.IsSignedBy(terminalKey)) return RedeemResponse.Signed(request, false, null, "not signed by the paired terminal", serverKey);
        var decoded = ActivationTokenDecoder.Decode(request.Token);
        if (!decoded.Ok) return RedeemResponse.Signed(request, false, null, "unknown activation", serverKey);
        lock (_burned)
        {
            return _burned.Add(decoded.Token.Nonce)
                ? RedeemResponse.Signed(request, true, decoded.Token.BallotStyle, null, serverKey)
                : RedeemResponse.Signed(request, false, null, "activation already used", serverKey);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _identity.Dispose();
    }
}
