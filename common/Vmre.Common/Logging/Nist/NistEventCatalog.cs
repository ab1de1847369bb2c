namespace Vmre.Common.Logging.Nist;

/// <summary>
/// What a VMRE event name means in NIST SP 1500-101 terms: a brief Description and a
/// Disposition. Known events are listed (docs/formats/event-log.md and the devices' code);
/// an event not listed falls back on its name: <c>*-refused</c>, <c>*-failed</c>,
/// <c>*-rejected</c> and <c>*-not-*</c> are failures, <c>*-requested</c> is na, a completed
/// action (<c>*-accepted</c>, <c>*-opened</c>, <c>*-printed</c> …) a success, anything else na.
/// </summary>
public static class NistEventCatalog
{
    public sealed record Meaning(string Description, EventDispositionType Disposition, string? OtherDisposition = null);

    private static Meaning S(string d) => new(d, EventDispositionType.Success);
    private static Meaning F(string d) => new(d, EventDispositionType.Failure);
    private static Meaning N(string d) => new(d, EventDispositionType.Na);

    private static readonly Dictionary<string, Meaning> Known = new(StringComparer.Ordinal)
    {
        // module server
        ["module-server-started"] = S("Module server started with verified signed inputs"),
        ["module-server-refused"] = F("Module server refused to start"),
        ["module-server-stopped"] = S("Module server stopped"),
        ["official-pin-accepted"] = S("Official's credential and PIN accepted"),
        ["official-pin-refused"] = F("Official's credential or PIN refused"),
        ["polls-open-requested"] = N("Opening the polls requested"),
        ["polls-opened"] = S("Polls opened"),
        ["polls-open-refused"] = F("Opening the polls refused"),
        ["polls-closed"] = S("Polls closed"),
        ["polls-refused"] = F("Polls operation refused"),
        ["zero-report-requested"] = N("Zero report requested from a terminal"),
        ["zero-report-accepted"] = S("Terminal's zero report accepted"),
        ["zero-report-refused"] = F("Terminal's zero report refused"),
        // Check-ins and redemptions are counted on voter-activity lines since issue 9 point 3;
        // these names stay for logs written before it (and the request no terminal signed).
        ["checkin-lookup"] = N("Voter check-in lookup (no voter identity logged)"),
        ["checkin-activated"] = S("Voter checked in; activation issued"),
        ["checkin-refused"] = F("Voter check-in refused"),
        ["activation-redeemed"] = S("Ballot activation redeemed"),
        ["activation-refused"] = F("Ballot activation refused"),
        ["activation-reissued"] = S("Unredeemed activation voided and re-issued (official's reason logged)"),
        ["activation-reissue-refused"] = F("Activation re-issue refused"),
        // Review finding 3: a kept check-in answer asked for again is an official's timed act.
        ["check-in-answer-repeated"] = N("Kept check-in answer asked for again by an official (outcome logged, no voter identity)"),
        ["closing-record-requested"] = N("Closing record requested from a terminal"),
        ["closing-record-counted"] = S("Terminal's closing record verified and counted"),
        ["closing-record-refused"] = F("Terminal's closing record refused"),
        // issue 10 point 3: count reports, and records counted with a count discrepancy
        ["count-report-received"] = S("Terminal's signed count report verified and held"),
        ["count-report-refused"] = F("Terminal's count report refused"),
        ["closing-record-flagged"] = new("Terminal's closing record counted with a count discrepancy named on the acta", EventDispositionType.Other, "flagged"),
        ["acta-signed"] = S("Acta de escrutinio y cómputo signed"),
        ["acta-printed"] = S("Acta printed"),
        ["acta-not-printed"] = F("Acta not printed"),
        // terminal
        ["terminal-started"] = S("Terminal started"),
        ["terminal-stopped"] = S("Terminal stopped"),
        ["startup-refused"] = F("Terminal refused to start"),
        ["light"] = N("Status light changed"),
        ["unfinished-testigos-voided"] = S("Testigos left unfinished by an interruption voided"),
        ["zero-report-printed"] = S("Zero report printed"),
        ["zero-report-not-zero"] = F("Zero report found votes already stored"),
        ["closing-record-signed"] = S("Closing record signed"),
        ["count-report-sent"] = S("Count report sent to the module server"),
        ["count-report-not-sent"] = F("Count report could not be sent (retried at the next cadence point)"),
        ["module-command-refused"] = F("Command from the module server refused"),
        // testigo-printed, vote-sealed and session-cancelled are counted on voter-activity lines
        // since issue 9 point 3; these names stay for logs written before it.
        ["testigo-printed"] = S("Testigo (paper record) printed"),
        ["testigo-print-failed"] = F("Testigo (paper record) printing failed"),
        ["vote-sealed"] = S("Vote sealed (selections not logged)"),
        ["session-cancelled"] = N("Voting session cancelled"),
        ["mark-print-failed"] = F("A mark owed on a testigo (VOTO EMITIDO or ANULADO) could not print; it stays owed"),
        ["marks-owed-at-closing"] = F("Marks still owed on testigos when the polls closed (counted in the closing record)"),
        // any device
        [VoterActivity.Event] = N("Voters' actions counted for one UTC hour (hour= and event[:detail]=count; no voter and no time of any voter's action)"),
        ["log-sealed"] = S("Event log sealed with the device's signature"),
        ["log-recovered"] = new("Event log recovered after a torn last line", EventDispositionType.Other, "recovered"),
        // hardware simulator
        ["scanner-read"] = S("Simulated scanner read a code"),
        ["printer-unknowncommand"] = F("Simulated printer skipped an unknown or malformed command"),
        ["printer-datadiscarded"] = F("Simulated printer discarded print data"),
        ["printer-jammed"] = F("Simulated printer jammed"),
        ["printer-internalerror"] = F("Simulated printer internal error"),
    };

    private static readonly string[] FailureSuffixes = ["-refused", "-failed", "-rejected"];
    private static readonly string[] SuccessSuffixes =
        ["-accepted", "-started", "-stopped", "-opened", "-closed", "-signed", "-printed", "-counted", "-redeemed", "-activated", "-sealed"];

    public static Meaning For(string evt)
    {
        if (Known.TryGetValue(evt, out var known)) return known;
        var description = "VMRE event " + evt;
        if (FailureSuffixes.Any(s => evt.EndsWith(s, StringComparison.Ordinal)) || evt.Contains("-not-", StringComparison.Ordinal))
            return F(description);
        if (evt.EndsWith("-requested", StringComparison.Ordinal)) return N(description);
        return SuccessSuffixes.Any(s => evt.EndsWith(s, StringComparison.Ordinal)) ? S(description) : N(description);
    }

    /// <summary>
    /// Event::Type for a line: <c>voter-action</c> for a voter-activity line (voters' actions
    /// counted per hour, issue 9 point 3), whoever's credential it is counted under; else <see cref="TypeOf(Actor?)"/>.
    /// </summary>
    public static string TypeOf(string evt, Actor? actor) => evt == VoterActivity.Event ? "voter-action" : TypeOf(actor);

    /// <summary>
    /// Event::Type, "as determined by the device vendor": who caused the event. No actor:
    /// <c>device</c>; role <c>terminal</c>: <c>terminal-request</c>; role <c>voter</c>:
    /// <c>voter-action</c>; any official role (including <c>unauthenticated</c>): <c>official-action</c>.
    /// </summary>
    public static string TypeOf(Actor? actor) => actor?.Role switch
    {
        null => "device",
        "terminal" => "terminal-request",
        "voter" => "voter-action",
        _ => "official-action",
    };
}
