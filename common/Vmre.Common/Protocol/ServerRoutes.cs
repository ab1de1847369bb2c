namespace Vmre.Common.Protocol;

/// <summary>
/// The module server's HTTP API, as the server maps it and the terminals, the desk page, the
/// simulator and the tests call it: one spelling of every route (issue 7).
/// </summary>
public static class ServerRoutes
{
    public const string Status = "/api/status";
    public const string Acta = "/api/acta";
    public const string Log = "/api/log";
    public const string Terminals = "/api/terminals";
    public const string OfficialSession = "/api/officials/session";
    /// <summary>A fresh card challenge for a LAN desk console's reader (issue 11 design §3).</summary>
    public const string OfficialChallenge = "/api/officials/challenge";
    /// <summary>Lift a credential's PIN lock (issue 11 point 1).</summary>
    public const string OfficialUnlock = "/api/officials/unlock";
    public const string CheckInLookup = "/api/checkin/lookup";
    public const string CheckInConfirm = "/api/checkin/confirm";
    /// <summary>Desk: void a voter's unredeemed activation and issue a new one, with a reason (issue 8 point 4).</summary>
    public const string CheckInReissue = "/api/checkin/reissue";
    public const string ActivationQr = "/api/checkin/activation-qr";
    public const string PollsOpen = "/api/polls/open";
    public const string PollsClose = "/api/polls/close";
    /// <summary>Terminal → server: burn an activation before the ballot shows (rules.md R4).</summary>
    public const string RedeemActivation = "/api/activations/redeem";
    /// <summary>Terminal → server: its signed counts every 8th ended session, after recovery and at polls close (issue 10 point 3).</summary>
    public const string CountReport = "/api/terminals/counts";
}
