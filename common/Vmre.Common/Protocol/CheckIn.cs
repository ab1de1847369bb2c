namespace Vmre.Common.Protocol;

/// <summary>Desk → module server: who is this? Either the scanned MRZ (3 lines) or a typed clave de elector.</summary>
public sealed record CheckInLookupRequest(string? Mrz, string? Clave);

/// <summary>
/// The list's answer. Voter is shown only when found in this module's slice. PendingRequestId
/// is set only with <see cref="CheckInOutcome.CheckedInNotRedeemed"/>: the request id of the
/// check-in whose answer may never have reached the desk; confirming again with it returns that
/// same activation, never a second one (issue 11 point 3).
/// </summary>
public sealed record CheckInLookupResponse(CheckInOutcome Outcome, string Reason, CheckInVoter? Voter, string? PendingRequestId = null);

public sealed record CheckInVoter(string Clave, string Name, string Entidad, string BallotStyle);

/// <summary>
/// The official has compared the face with the name: mark as voted and issue one activation.
/// RequestId (32 lowercase hex) is made by the desk, once per confirmation: sent again after a
/// lost answer it gets the same answer, the same activation (issue 11 point 3).
/// </summary>
public sealed record CheckInConfirmRequest(string Clave, string RequestId)
{
    /// <summary>A confirmation with a fresh request id from the OS CSPRNG.</summary>
    public static CheckInConfirmRequest Fresh(string clave) =>
        new(clave, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
}

/// <summary>
/// The activation carries the ballot style and a random nonce only, never the voter
/// (rules.md R2); ActivationToken is its printed/scanned form (docs/formats/activation-token.md).
/// </summary>
public sealed record CheckInConfirmResponse(CheckInOutcome Outcome, string Reason, string? ActivationToken, string? BallotStyle);

public enum CheckInOutcome
{
    Eligible,
    Activated,
    NotInList,
    OtherModule,
    BlockedPostal,
    BlockedInternet,
    NotEligible,
    AlreadyVoted,
    InvalidCredential,
    PollsNotOpen,
    /// <summary>Lookup only: checked in, activation not yet used; the desk can fetch that same activation again (issue 11 point 3).</summary>
    CheckedInNotRedeemed,
    /// <summary>Confirm only: the request id is not 32 lowercase hex.</summary>
    InvalidRequest,
}
