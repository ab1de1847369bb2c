using Vmre.Common.Protocol;
using Vmre.Firmware.Activation;
using Vmre.Terminal.Session;

namespace Vmre.Terminal.Tests.Support;

/// <summary>The module server's redemption, reduced to its rule: each nonce burns once (rules.md R4).</summary>
public sealed class FakeRedeemer : IActivationRedeemer
{
    private readonly HashSet<string> _burned = [];
    public int Calls { get; private set; }

    public RedeemResponse Redeem(string token)
    {
        lock (_burned)
        {
            Calls++;
            var decoded = ActivationTokenDecoder.Decode(token);
            if (!decoded.Ok) return new RedeemResponse(false, "not an activation", null);
            return _burned.Add(decoded.Token.Nonce)
                ? new RedeemResponse(true, null, decoded.Token.BallotStyle)
                : new RedeemResponse(false, "activation already used", null);
        }
    }
}
