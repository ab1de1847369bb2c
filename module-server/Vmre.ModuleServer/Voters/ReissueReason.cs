using Vmre.Common.Protocol;
using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Voters;

/// <summary>
/// The official's reason for a re-issue, checked at the boundary: it goes into the event log,
/// so it is required, one line, bounded, and may not carry the voter's clave (rules.md R2 and R7).
/// The desk page asks officials not to write names either; that a person can only be asked.
/// </summary>
public static class ReissueReason
{
    public static Parsed<string> Check(string? typed, string clave)
    {
        var reason = (typed ?? "").Trim();
        if (reason.Length < ActivationReissueRequest.MinReasonLength || reason.Length > ActivationReissueRequest.MaxReasonLength)
            return Parsed<string>.Fail(
                $"give a reason of {ActivationReissueRequest.MinReasonLength}-{ActivationReissueRequest.MaxReasonLength} characters (e.g. 'activation expired')");
        if (reason.Any(char.IsControl)) return Parsed<string>.Fail("the reason must be one line of text");
        if (reason.Contains(clave, StringComparison.OrdinalIgnoreCase))
            return Parsed<string>.Fail("the reason must not name the voter: it is logged");
        return Parsed<string>.Ok(reason);
    }
}
