using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Activations;

/// <summary>
/// A terminal burns an activation before it shows the ballot (rules.md R4). Every refusal —
/// a replay on any terminal, a forged or foreign token (another module or package), an expired
/// or voided one, closed polls — is logged with its reason, the terminal and at most the first
/// 8 hex of the nonce, for investigation. Expiry is judged here, on the module server's clock
/// (<paramref name="time"/>) against the module config's activation lifetime, never at the
/// terminal (issue 8 point 4).
/// </summary>
/// <remarks><paramref name="terminalKeys"/> is the paired terminals' keys, parsed once at start-up
/// (Documents/ModuleDocuments.TerminalKeys), not on every redemption. Redemptions run only while
/// the polls are open: the HTTP layer lets them in through the polls gate (Http/OpenPollsFilter)
/// and says no with <see cref="PollsShut"/>.</remarks>
public sealed class RedemptionDesk(
    IReadOnlyDictionary<string, PublicKey> terminalKeys, ModuleDatabase db, ActivationTokens tokens, ISigner serverKey, EventLog log,
    TimeProvider time, TimeSpan lifetime)
{
    public const string AlreadyUsed = "activation already used";
    public const string Unknown = "unknown activation";
    public const string Expired = "activation expired";
    public const string Voided = "activation was voided and re-issued";
    public const string NotSigned = "redemption request not signed by that terminal's key";

    public RedeemResponse Redeem(RedeemRequest request)
    {
        var terminalId = request.TerminalId ?? "";
        var (nonce, refusal) = Admit(request);
        if (refusal is not null) return refusal;

        using var connection = db.Connect();
        using var tx = connection.BeginTransaction();
        var burn = ActivationLedger.Burn(connection, tx, nonce, time.GetUtcNow(), lifetime);
        switch (burn)
        {
            case BurnResult.Burned:
                // The style stored at issue is the one that counts, whatever the token says.
                var style = ActivationLedger.StyleOf(connection, tx, nonce)!;
                tx.Commit();
                log.Append("activation-redeemed", new Actor("terminal", terminalId), new() { ["terminal"] = terminalId, ["ballotStyle"] = style });
                return RedeemResponse.Signed(request, true, style, null, serverKey);
            case BurnResult.AlreadyUsed:
                return Refused(request, nonce, AlreadyUsed);
            case BurnResult.Unknown:
                return Refused(request, nonce, Unknown);
            case BurnResult.Expired:
                return Refused(request, nonce, Expired);
            case BurnResult.Voided:
                return Refused(request, nonce, Voided);
            default:
                throw new ArgumentOutOfRangeException(nameof(burn), burn, "unknown burn result");
        }
    }

    /// <summary>
    /// A redemption while the polls are not open: checked like any other first (an unpaired
    /// terminal or a forged token is refused for that), then refused with the polls reason.
    /// </summary>
    public RedeemResponse PollsShut(RedeemRequest request, string reason)
    {
        var (nonce, refusal) = Admit(request);
        return refusal ?? Refused(request, nonce, reason);
    }

    /// <summary>The activation's nonce, or the signed refusal when the request cannot burn one.</summary>
    private (string Nonce, RedeemResponse? Refusal) Admit(RedeemRequest request)
    {
        var terminalId = request.TerminalId ?? "";
        if (!terminalKeys.TryGetValue(terminalId, out var terminalKey))
            return ("", Refused(request, null, $"terminal '{terminalId}' is not paired with this module"));
        // Only the paired terminal's TPM key can burn an activation in its name.
        if (!request.IsSignedBy(terminalKey))
            return ("", Refused(request, null, NotSigned));
        var token = tokens.Verify(request.Token);
        if (!token.IsOk) return ("", Refused(request, null, token.Error!));
        return (token.Value!.Nonce, null);
    }

    private RedeemResponse Refused(RedeemRequest request, string? nonce, string reason)
    {
        var terminalId = request.TerminalId ?? "";
        var data = new Dictionary<string, string> { ["terminal"] = terminalId, ["reason"] = reason };
        if (nonce is not null) data["noncePrefix"] = nonce[..8];
        log.Append("activation-refused", new Actor("terminal", terminalId), data);
        return RedeemResponse.Signed(request, false, null, reason, serverKey);
    }
}
