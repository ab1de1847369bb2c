using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Activations;

/// <summary>
/// A terminal burns an activation before it shows the ballot (rules.md R4). A redemption is a
/// voter's action, so it is counted per hour on the terminal's voter-activity line, never given a
/// line and a time of its own (issue 9 point 3; rules.md "R3 meets R7"): <c>activation-redeemed</c>,
/// or <c>activation-refused:&lt;code&gt;</c> for a replay on any terminal, a forged or foreign token
/// (another module or package), an expired or voided one, closed polls. A request that the named
/// terminal's key did not sign is no voter's: it keeps a timed <c>activation-refused</c> line with
/// its reason, for investigation. Expiry is judged here, on the module server's clock
/// (<paramref name="time"/>) against the module config's activation lifetime, never at the
/// terminal (issue 8 point 4).
/// </summary>
/// <remarks><paramref name="terminalKeys"/> is the paired terminals' keys, parsed once at start-up
/// (Documents/ModuleDocuments.TerminalKeys), not on every redemption. Redemptions run only while
/// the polls are open: the HTTP layer lets them in through the polls gate (Http/OpenPollsFilter)
/// and says no with <see cref="PollsShut"/>.
/// Issue 11 points 2-3: the acceptance is signed before the commit and kept with the burn, under
/// the digest of the request it answers; the same activation, terminal and challenge again (a
/// terminal retrying after a lost answer) get that same acceptance, counted as
/// <c>redemption-answer-repeated</c>, while another challenge or terminal stays a refused replay
/// (rules.md R4). A burn the disk cannot take is rolled back and answered 503. Request text in a
/// log line goes through LogText.Untrusted.</remarks>
public sealed class RedemptionDesk(
    IReadOnlyDictionary<string, PublicKey> terminalKeys, ModuleDatabase db, ActivationTokens tokens, ISigner serverKey, EventLog log,
    VoterActivity activity, TimeProvider time, TimeSpan lifetime)
{
    public const string AlreadyUsed = "activation already used";
    public const string Unknown = "unknown activation";
    public const string Expired = "activation expired";
    public const string Voided = "activation was voided and re-issued";
    public const string NotSigned = "redemption request not signed by that terminal's key";

    public const string Redeemed = "activation-redeemed";
    public const string Refusal = "activation-refused";
    public const string Repeated = "redemption-answer-repeated";
    public const string MalformedChallenge = "the redemption challenge is not 32 lowercase hex characters";
    public static readonly string DiskFull = DiskRoom.FullReason("redemptions");

    public Committed<RedeemResponse> Redeem(RedeemRequest request)
    {
        var (nonce, refusal) = Admit(request);
        if (refusal is not null) return Committed<RedeemResponse>.Of(refusal);
        try
        {
            return Committed<RedeemResponse>.Of(Burn(request, nonce));
        }
        catch (Exception e) when (DiskRoom.IsFull(e))
        {
            // Rolled back: the activation is still unburned and the terminal may try again.
            return Committed<RedeemResponse>.NotWritten(DiskFull);
        }
    }

    private RedeemResponse Burn(RedeemRequest request, string nonce)
    {
        var terminalId = request.TerminalId;
        using var connection = db.Connect();
        using var tx = connection.BeginTransaction();
        var burn = ActivationLedger.Burn(connection, tx, nonce, time.GetUtcNow(), lifetime);
        switch (burn)
        {
            case BurnResult.Burned:
                // The style stored at issue is the one that counts, whatever the token says.
                var style = ActivationLedger.StyleOf(connection, tx, nonce)!;
                // Issue 10 point 3: the terminal's counter rises with the burn, in one transaction.
                TerminalRedemptions.Add(connection, tx, terminalId);
                // Issue 11 point 3: signed before the commit and kept with the burn.
                var accepted = RedeemResponse.Signed(request, true, style, null, serverKey);
                ActivationLedger.KeepAcceptance(connection, tx, DigestOf(request), style, accepted.Signature!);
                tx.Commit();
                activity.Record(Redeemed, new Actor("terminal", terminalId));
                return accepted;
            case BurnResult.AlreadyUsed:
                if (ActivationLedger.Acceptance(connection, tx, DigestOf(request)) is { } kept)
                {
                    activity.Record(Repeated, new Actor("terminal", terminalId));
                    return new RedeemResponse(true, null, kept.Style, kept.Signature);
                }
                return Refused(request, AlreadyUsed, "already-used");
            case BurnResult.Unknown:
                return Refused(request, Unknown, "unknown");
            case BurnResult.Expired:
                return Refused(request, Expired, "expired");
            case BurnResult.Voided:
                return Refused(request, Voided, "voided");
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
        var (_, refusal) = Admit(request);
        return refusal ?? Refused(request, reason, "polls-not-open");
    }

    /// <summary>The activation's nonce, or the signed refusal when the request cannot burn one.</summary>
    private (string Nonce, RedeemResponse? Refusal) Admit(RedeemRequest request)
    {
        var terminalId = request.TerminalId ?? "";
        if (!terminalKeys.TryGetValue(terminalId, out var terminalKey))
            return ("", NotTheTerminals(request, $"terminal '{LogText.Untrusted(terminalId)}' is not paired with this module"));
        // Only the paired terminal's TPM key can burn an activation in its name.
        if (!request.IsSignedBy(terminalKey))
            return ("", NotTheTerminals(request, NotSigned));
        // Issue 11 point 2: the challenge is the one RedeemRequest.Sign makes (16 random bytes, hex).
        if (!Voters.RequestId.Parse(request.Challenge).IsOk)
            return ("", Refused(request, MalformedChallenge, "malformed-challenge"));
        var token = tokens.Verify(request.Token, out var code);
        if (!token.IsOk) return ("", Refused(request, token.Error!, code));
        return (token.Value!.Nonce, null);
    }

    /// <summary>What a kept acceptance answers: the request's signed bytes (terminal, challenge, token), hashed.</summary>
    private static string DigestOf(RedeemRequest request) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(RedeemRequest.SignedBytes(request.TerminalId, request.Challenge, request.Token)));

    /// <summary>A voter's redemption refused: counted under its code, the reason told to the terminal.</summary>
    private RedeemResponse Refused(RedeemRequest request, string reason, string code)
    {
        activity.Record(Refusal, new Actor("terminal", request.TerminalId ?? ""), code);
        return RedeemResponse.Signed(request, false, null, reason, serverKey);
    }

    /// <summary>A request no paired terminal signed: no voter's action, so a timed line with its reason (rules.md R7).</summary>
    private RedeemResponse NotTheTerminals(RedeemRequest request, string reason)
    {
        // Issue 11 point 2: the terminal id is the request's text, so bounded before it is logged.
        var terminalId = LogText.Untrusted(request.TerminalId);
        log.Append(Refusal, new Actor("terminal", terminalId), new() { ["terminal"] = terminalId, ["reason"] = reason });
        return RedeemResponse.Signed(request, false, null, reason, serverKey);
    }
}
