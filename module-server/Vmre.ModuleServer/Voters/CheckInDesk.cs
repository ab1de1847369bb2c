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
/// </summary>
public sealed class CheckInDesk(ModuleDatabase db, ElectionPackage package, ActivationTokens tokens, VoterActivity activity, CheckInPace pace, TimeProvider time)
{
    public const string Looked = "checkin-lookup";
    public const string Activated = "checkin-activated";
    public const string Refused = "checkin-refused";

    public CheckInLookupResponse Lookup(CheckInLookupRequest request, OfficialIdentity official)
    {
        var answer = Answer(request);
        activity.Record(Looked, official.Actor, Name(answer.Outcome));
        return answer;
    }

    public CheckInConfirmResponse Confirm(CheckInConfirmRequest request, OfficialIdentity official)
    {
        var answer = Activate(request);
        if (answer.Outcome == CheckInOutcome.Activated)
        {
            activity.Record(Activated, official.Actor);
            pace.Record();
        }
        else activity.Record(Refused, official.Actor, Name(answer.Outcome));
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
            return voter.Voted
                ? new(CheckInOutcome.AlreadyVoted, "this voter has already received an activation", shown)
                : new(CheckInOutcome.Eligible, "in this module's list; compare the face with the name", shown);
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

    private CheckInConfirmResponse Activate(CheckInConfirmRequest request)
    {
        var clave = ClaveDeElector.Normalise(request.Clave);
        if (!clave.IsOk) return new(CheckInOutcome.InvalidCredential, clave.Error!, null, null);

        using var connection = db.Connect();
        using var tx = connection.BeginTransaction();
        var voter = VoterList.ByClave(connection, clave.Value!, tx);
        if (voter is null) return new(CheckInOutcome.NotInList, "not in the LNERE slice of this module", null, null);
        var style = package.StyleForEntidad(voter.Entidad);
        if (style is null) return new(CheckInOutcome.NotEligible, $"no ballot style for entidad {voter.Entidad}", null, null);
        if (!VoterList.MarkVoted(connection, tx, voter.Clave))
            return new(CheckInOutcome.AlreadyVoted, "this voter has already received an activation", null, null);

        var nonce = ActivationLedger.Issue(connection, tx, style.Id, voter.Clave, time.GetUtcNow());
        // Signed before commit: a crash here leaves neither the mark nor the activation (rules.md R6).
        var token = tokens.Issue(style.Id, nonce);
        tx.Commit();
        return new(CheckInOutcome.Activated, "activation issued; send the voter to a terminal", token, style.Id);
    }

    private static string Name(CheckInOutcome outcome) => outcome.ToString();
}
