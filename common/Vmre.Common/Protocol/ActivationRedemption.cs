using System.Security.Cryptography;
using System.Text;
using Vmre.Common.Signing;

namespace Vmre.Common.Protocol;

/// <summary>
/// Terminal → module server: burn this activation before the ballot shows (rules.md R4).
/// The server burns it atomically; a second redemption, from any terminal, is refused.
/// Signed by the terminal's TPM key, so only a paired terminal can burn an activation, and
/// carrying a fresh random challenge that the server's signed answer must echo, so an old
/// "accepted" cannot be replayed to the terminal (the module LAN is not trusted:
/// docs/architecture.md, trust boundaries; docs/formats/module-messages.md).
/// </summary>
public sealed record RedeemRequest(string Token, string TerminalId, string Challenge, string Signature)
{
    public const string Tag = "vmre-redeem/1";

    /// <summary>The exact bytes the terminal signs: tag, terminal id, challenge and the whole token.</summary>
    public static byte[] SignedBytes(string terminalId, string challenge, string token) =>
        Encoding.UTF8.GetBytes($"{Tag}|{terminalId}|{challenge}|{token}");

    public static RedeemRequest Sign(string token, string terminalId, ISigner terminalKey)
    {
        var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new(token, terminalId, challenge,
            Convert.ToBase64String(terminalKey.Sign(SignedBytes(terminalId, challenge, token))));
    }

    /// <summary>True when the request was signed by this terminal key over this token and challenge.</summary>
    public bool IsSignedBy(PublicKey terminalKey) =>
        Token is not null && TerminalId is not null && Challenge is not null
        && Base64.TryDecode(Signature, out var signature)
        && terminalKey.Verify(SignedBytes(TerminalId, Challenge, Token), signature);
}

/// <summary>
/// The server's answer, signed by the module server's key over the request's terminal,
/// challenge and token and the outcome: a terminal shows a ballot only on an acceptance that
/// verifies and answers its own request.
/// </summary>
public sealed record RedeemResponse(bool Accepted, string? Reason, string? BallotStyle, string? Signature = null)
{
    public const string Tag = "vmre-redeem-answer/1";

    public static byte[] SignedBytes(RedeemRequest request, bool accepted, string? ballotStyle, string? reason) =>
        Encoding.UTF8.GetBytes(string.Join('|', Tag, request.TerminalId, request.Challenge, request.Token,
            accepted ? "accepted" : "refused", accepted ? ballotStyle : reason));

    public static RedeemResponse Signed(RedeemRequest request, bool accepted, string? ballotStyle, string? reason, ISigner serverKey) =>
        new(accepted, reason, ballotStyle,
            Convert.ToBase64String(serverKey.Sign(SignedBytes(request, accepted, ballotStyle, reason))));

    public bool Answers(RedeemRequest request, PublicKey serverKey) =>
        Base64.TryDecode(Signature, out var signature)
        && serverKey.Verify(SignedBytes(request, Accepted, BallotStyle, Reason), signature);
}
