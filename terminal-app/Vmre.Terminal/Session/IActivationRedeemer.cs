using Vmre.Common.Protocol;

namespace Vmre.Terminal.Session;

/// <summary>Burns an activation at the module server, the single place that knows every activation (rules.md R4).</summary>
public interface IActivationRedeemer
{
    RedeemResponse Redeem(string token);
}
