using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Terminal.Session;

namespace Vmre.Terminal.Tests.Http;

/// <summary>
/// rules.md R4 over an untrusted LAN: the terminal believes only an acceptance signed by its
/// module server for the very request it sent (docs/formats/module-messages.md).
/// </summary>
public sealed class HttpActivationRedeemerTests : IAsyncLifetime
{
    private readonly SoftwareSigningKey _terminal = SoftwareSigningKey.Generate();
    private readonly SoftwareSigningKey _server = SoftwareSigningKey.Generate();
    private WebApplication _app = null!;
    private Func<RedeemRequest, RedeemResponse> _answer = _ => new RedeemResponse(false, "unset", null);
    private RedeemRequest? _lastRequest;
    private readonly List<RedeemRequest> _requests = [];
    // Issue 11 point 3: how many of the next requests have their connection cut before the answer.
    private int _lose;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost(ServerRoutes.RedeemActivation, async (HttpRequest http) =>
        {
            var request = (await http.ReadFromJsonAsync<RedeemRequest>(VmreJson.Options))!;
            _lastRequest = request;
            lock (_requests) _requests.Add(request);
            var answer = _answer(request);
            if (Interlocked.Decrement(ref _lose) >= 0)
            {
                http.HttpContext.Abort();
                return Results.Empty;
            }
            return Results.Json(answer, VmreJson.Options);
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpActivationRedeemer Redeemer() => new(
        new HttpClient { BaseAddress = new Uri(_app.Urls.First()) }, "T-CHI-01", _terminal, PublicKey.FromPem(_server.PublicKeyPem));

    [Fact]
    public void An_acceptance_signed_for_this_request_is_believed()
    {
        _answer = r => RedeemResponse.Signed(r, true, "05", null, _server);
        var answer = Redeemer().Redeem("VMRE-A1|MRV-CHI|05|0123456789abcdef0123456789abcdef|AAAA");
        Assert.True(answer.Accepted, answer.Reason);
        Assert.True(_lastRequest!.IsSignedBy(PublicKey.FromPem(_terminal.PublicKeyPem)));
    }

    [Fact]
    public void An_unsigned_acceptance_opens_no_ballot()
    {
        _answer = _ => new RedeemResponse(true, null, "05");
        var answer = Redeemer().Redeem("VMRE-A1|MRV-CHI|05|0123456789abcdef0123456789abcdef|AAAA");
        Assert.False(answer.Accepted);
        Assert.Equal(HttpActivationRedeemer.Unsigned, answer.Reason);
    }

    [Fact]
    public void A_replayed_acceptance_of_an_earlier_request_opens_no_ballot()
    {
        const string token = "VMRE-A1|MRV-CHI|05|0123456789abcdef0123456789abcdef|AAAA";
        _answer = r => RedeemResponse.Signed(r, true, "05", null, _server);
        Assert.True(Redeemer().Redeem(token).Accepted);
        var recorded = RedeemResponse.Signed(_lastRequest!, true, "05", null, _server);
        // A machine on the LAN answers the second attempt with the first, genuine acceptance.
        _answer = _ => recorded;
        var replay = Redeemer().Redeem(token);
        Assert.False(replay.Accepted);
        Assert.Equal(HttpActivationRedeemer.Unsigned, replay.Reason);
    }

    [Fact]
    public void An_acceptance_signed_by_another_key_opens_no_ballot()
    {
        var impostor = SoftwareSigningKey.Generate();
        _answer = r => RedeemResponse.Signed(r, true, "05", null, impostor);
        Assert.False(Redeemer().Redeem("VMRE-A1|MRV-CHI|05|0123456789abcdef0123456789abcdef|AAAA").Accepted);
    }

    [Fact]
    public void A_lost_answer_is_asked_for_again_with_the_same_challenge()
    {
        _answer = r => RedeemResponse.Signed(r, true, "05", null, _server);
        _lose = 1;
        var answer = Redeemer().Redeem("VMRE-A1|MRV-CHI|05|0123456789abcdef0123456789abcdef|AAAA");
        Assert.True(answer.Accepted, answer.Reason);
        Assert.Equal(2, _requests.Count);
        // The very same signed request: a new challenge would be a replay at the server (rules.md R4).
        Assert.Equal(_requests[0], _requests[1]);
    }

    [Fact]
    public void Retries_are_bounded_and_then_no_ballot_opens()
    {
        _answer = r => RedeemResponse.Signed(r, true, "05", null, _server);
        _lose = int.MaxValue;
        var answer = Redeemer().Redeem("VMRE-A1|MRV-CHI|05|0123456789abcdef0123456789abcdef|AAAA");
        Assert.False(answer.Accepted);
        Assert.Equal(HttpActivationRedeemer.Attempts, _requests.Count);
        Assert.StartsWith("module server unreachable", answer.Reason);
    }
}
