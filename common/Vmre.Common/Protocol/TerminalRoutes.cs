namespace Vmre.Common.Protocol;

/// <summary>
/// The voting terminal's HTTP API, as the terminal maps it and the ballot page, the module
/// server, the simulator and the tests call it: one spelling of every route (issue 7).
/// </summary>
public static class TerminalRoutes
{
    public const string State = TerminalState.ApiPath;
    public const string Activation = "/api/activation";
    public const string Ballot = "/api/ballot";
    public const string Review = "/api/review";
    public const string Selection = "/api/selection";
    public const string Confirm = "/api/confirm";
    public const string Accept = "/api/accept";
    public const string Reject = "/api/reject";
    public const string Cancel = "/api/cancel";
    public const string StillHere = "/api/still-here";
    public const string ClearFault = "/api/official/clear";
    public const string EndSession = "/api/official/end-session";
    /// <summary>For the module server only: obeys nothing its key did not sign.</summary>
    public const string ModuleCommand = "/api/module/command";
    /// <summary>For the module server: a fresh single-use nonce its next signed command must echo (issue 8 point 3).</summary>
    public const string ModuleChallenge = "/api/module/challenge";
}
