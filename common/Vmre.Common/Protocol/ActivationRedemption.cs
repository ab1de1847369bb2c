using System.Text;
using Vmre.Common.Signing;

namespace Vmre.Common.Protocol;

/// <summary>
/// Terminal → module server: burn this activation before the ballot shows (brief rule 4).
/// The server burns it atomically; a second redemption, from any terminal, is refused.
/// Signed by the terminal's TPM key, so only a paired terminal can burn an activation
/// (the module LAN is not trusted: docs/architecture.md, trust boundaries).
/// </summary>
public sealed record RedeemRequest(string Token, string TerminalId, string Signature)
{
    public const string Tag = "vmre-redeem/1";

    /// <summary>The exact bytes the terminal signs: tag, terminal id and the whole token.</summary>
    public static byte[] SignedBytes(string terminalId, string token) =>
        Encoding.UTF8.GetBytes($"{Tag}|{terminalId}|{token}");

    public static RedeemRequest Sign(string token, string terminalId, ISigner terminalKey) =>
        new(token, terminalId, Convert.ToBase64String(terminalKey.Sign(SignedBytes(terminalId, token))));

    /// <summary>True when the request was signed by this terminal key over this token.</summary>
    public bool IsSignedBy(PublicKey terminalKey)
    {
        if (Token is null || TerminalId is null || Signature is null) return false;
        byte[] signature;
        try { signature = Convert.FromBase64String(Signature); }
        catch (FormatException) { return false; }
        return terminalKey.Verify(SignedBytes(TerminalId, Token), signature);
    }
}

public sealed record RedeemResponse(bool Accepted, string? Reason, string? BallotStyle);
