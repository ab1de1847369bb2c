using Vmre.Common.Election;
using Vmre.Common.Lnere;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Activations;
using Vmre.ModuleServer.Officials;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Voters;

/// <summary>
/// The check-in desk (brief section 2.3): who is this voter, and — once the official has
/// compared the face — mark them voted and issue one activation, atomically. Lookups and
/// confirmations are voters' actions: counted per hour under the official and the outcome on the
/// desk's voter-activity line, never given a timed line of their own (issue 9 point 3; rules.md
/// "R3 meets R7"), and never with the voter or the nonce (rules.md R2). The activation is linked to its voter and its issue time only until it is
/// redeemed (ActivationLedger; issue 8 point 4). Both run only while the polls are open: the HTTP layer lets them in
/// through the polls gate (Http/OpenPollsFilter) and says no with <see cref="PollsShut"/>.
/// Issue 11 points 2-3: a confirmation carries the desk's request id; its answer is kept with the
/// voter's mark in one transaction, so the same id again gets the same activation, and a lookup of a voter whose answer may have been lost says
/// so. No check-in starts while the data folder's free space is under the reserve, and one whose
/// commit hits a full disk changes nothing: both are answered "the module server's disk is full".
/// Review finding 3: a live activation handed over again is an official's act, not a voter's
/// step: only to the official whose request it answered (their credential id is kept with it),
/// never once expired, and each time with a timed <c>check-in-answer-repeated</c> line naming
/// the official, written before the answer leaves. Anyone else re-issues with a reason.
/// </summary>
public sealed class CheckInDesk(ModuleDatabase db, ElectionPackage package, ActivationTokens tokens, VoterActivity activity, CheckInPace pace,
    TimeProvider time, DiskRoom room, EventLog log, TimeSpan lifetime)
{
    public const string Looked = "checkin-lookup";
    public const string Activated = "checkin-activated";
    public const string Refused = "checkin-refused";
    public const string Repeated = "check-in-answer-repeated";
    public static readonly string DiskFull = DiskRoom.FullReason("check-ins");

    public CheckInLookupResponse Lookup(CheckInLookupRequest request, OfficialIdentity official)
    {
        var answer = Answer(request);
        activity.Record(Looked, official.Actor, Name(answer.Outcome));
        return answer;
    }

    public Committed<CheckInConfirmResponse> Confirm(CheckInConfirmRequest request, OfficialIdentity official)
    {
        var (answer, repeated) = Activate(request, official);
        if (repeated) return answer; // a timed official line, written before it was given (review finding 3)
        if (answer.Answer is not { } given)
        {
            activity.Record(Refused, official.Actor, "DiskFull");
            return answer;
        }
        if (given.Outcome == CheckInOutcome.Activated)
        {
            activity.Record(Activated, official.Actor);
            pace.Record();
        }
        else activity.Record(Refused, official.Actor, Name(given.Outcome));
        return answer;
    }

    /// <summary>
    /// A lookup or confirmation while the polls are not open: the same answer and count as
    /// before the gate existed (a confirmation with a malformed clave still says so first).
    /// </summary>
    public CheckInLookupResponse PollsShut(OfficialIdentity official, string reason)
    {
        var answer = new CheckInLookupResponse(CheckInOutcome.PollsNotOpen, reason, null);
        activity.Record(Looked, official.Actor, Name(answer.Outcome));
        return answer;
    }

    /// <inheritdoc cref="PollsShut(OfficialIdentity, string)"/>
    public CheckInConfirmResponse PollsShut(CheckInConfirmRequest request, OfficialIdentity official, string reason)
    {
        var clave = ClaveDeElector.Normalise(request.Clave);
        var answer = clave.IsOk
            ? new CheckInConfirmResponse(CheckInOutcome.PollsNotOpen, reason, null, null)
            : new CheckInConfirmResponse(CheckInOutcome.InvalidCredential, clave.Error!, null, null);
        activity.Record(Refused, official.Actor, Name(answer.Outcome));
        return answer;
    }

    private CheckInLookupResponse Answer(CheckInLookupRequest request)
    {
        using var connection = db.Connect();
        var query = VoterQuery.From(request);
        if (query.Invalid is not null) return new(CheckInOutcome.InvalidCredential, query.Invalid, null);

        var voter = query.Clave is not null ? VoterList.ByClave(connection, query.Clave) : VoterList.ByCic(connection, query.Cic!);
        if (voter is not null)
        {
            var style = package.StyleForEntidad(voter.Entidad);
            if (style is null) return new(CheckInOutcome.NotEligible, $"no ballot style for entidad {voter.Entidad}", null);
            var shown = new CheckInVoter(voter.Clave, voter.DisplayName, voter.Entidad, style.Id);
            if (!voter.Voted) return new(CheckInOutcome.Eligible, "in this module's list; compare the face with the name", shown);
            // Issue 11 point 3: the check-in's answer may never have reached the desk.
            var pending = ActivationLedger.PendingRequestId(connection, voter.Clave);
            return pending is null
                ? new(CheckInOutcome.AlreadyVoted, "this voter has already received an activation", shown)
                : new(CheckInOutcome.CheckedInNotRedeemed,
                    "checked in, activation not yet used: confirm again to hand over that same activation (never a second one)", shown, pending);
        }
        var blocked = VoterList.Blocked(connection, query.BlockedKey);
        return blocked switch
        {
            null => new(CheckInOutcome.NotInList, "not in the LNERE slice of this module", null),
            BlockReason.Postal => new(CheckInOutcome.BlockedPostal, "registered to vote by post", null),
            BlockReason.Internet => new(CheckInOutcome.BlockedInternet, "registered to vote by internet", null),
            BlockReason.OtherModule => new(CheckInOutcome.OtherModule, "registered to vote at another module", null),
            BlockReason.NotEligible => new(CheckInOutcome.NotEligible, "in the LNERE but not eligible to vote", null),
            _ => throw new ArgumentOutOfRangeException(nameof(request), blocked, "unknown block reason"),
        };
    }

    public const string OtherOfficial = "this activation answered another official's request: re-issue it with a reason";
    public const string Expired = "expired: re-issue the activation with a reason";

    /// <summary>Review finding 3: the kept answer again, to the same official, while it can still be redeemed.</summary>
    private Committed<CheckInConfirmResponse> Repeat(KeptCheckIn kept, string clave, OfficialIdentity official)
    {
        string? refusal = kept.Clave != clave ? "this requestId was used for another voter's check-in: make a new one"
            : kept.Official != official.CredentialId ? OtherOfficial
            : time.GetUtcNow().ToUnixTimeSeconds() - kept.IssuedUnix >= (long)lifetime.TotalSeconds ? Expired
            : null;
        // Timed, naming the official, like a re-issue; a failed append throws and nothing is handed over.
        log.Append(Repeated, official.Actor, new() { ["outcome"] = refusal is null ? "given" : refusal == Expired ? "expired" : refusal == OtherOfficial ? "other-official" : "other-voter" });
        return refusal is null
            ? Committed<CheckInConfirmResponse>.Of(new(CheckInOutcome.Activated, "activation issued; send the voter to a terminal", kept.Token, kept.Style))
            : Given(CheckInOutcome.InvalidRequest, refusal);
    }

    private (Committed<CheckInConfirmResponse> Answer, bool Repeated) Activate(CheckInConfirmRequest request, OfficialIdentity official)
    {
        var clave = ClaveDeElector.Normalise(request.Clave);
        if (!clave.IsOk) return (Given(CheckInOutcome.InvalidCredential, clave.Error!), false);
        var requestId = RequestId.Parse(request.RequestId);
        if (!requestId.IsOk) return (Given(CheckInOutcome.InvalidRequest, requestId.Error!), false);
        try
        {
            using var connection = db.Connect();
            using var tx = connection.BeginTransaction();
            if (ActivationLedger.CheckInAnswer(connection, tx, requestId.Value!) is { } kept)
                return (Repeat(kept, clave.Value!, official), true);
            // Issue 11 point 2: room for the hourly counts, the closing records and the acta comes first.
            if (!room.AboveReserve()) return (Committed<CheckInConfirmResponse>.NotWritten(DiskFull), false);
            var voter = VoterList.ByClave(connection, clave.Value!, tx);
            if (voter is null) return (Given(CheckInOutcome.NotInList, "not in the LNERE slice of this module"), false);
            var style = package.StyleForEntidad(voter.Entidad);
            if (style is null) return (Given(CheckInOutcome.NotEligible, $"no ballot style for entidad {voter.Entidad}"), false);
            if (!VoterList.MarkVoted(connection, tx, voter.Clave))
                return (Given(CheckInOutcome.AlreadyVoted, "this voter has already received an activation"), false);

            var nonce = ActivationLedger.Issue(connection, tx, style.Id, voter.Clave, time.GetUtcNow());
            // Signed before commit: a crash here leaves neither the mark nor the activation (rules.md R6).
            var token = tokens.Issue(style.Id, nonce);
            // Issue 11 point 3: the answer is kept with the mark, so a lost answer can be given again.
            ActivationLedger.KeepCheckInAnswer(connection, tx, nonce, requestId.Value!, token, official.CredentialId);
            tx.Commit();
            return (Committed<CheckInConfirmResponse>.Of(new(CheckInOutcome.Activated, "activation issued; send the voter to a terminal", token, style.Id)), false);
        }
        catch (Exception e) when (DiskRoom.IsFull(e))
        {
            // The transaction rolled back: the voter is not marked and no activation exists.
            return (Committed<CheckInConfirmResponse>.NotWritten(DiskFull), false);
        }
    }

    private static Committed<CheckInConfirmResponse> Given(CheckInOutcome outcome, string reason) =>
        Committed<CheckInConfirmResponse>.Of(new(outcome, reason, null, null));

    private static string Name(CheckInOutcome outcome) => outcome.ToString();
}
