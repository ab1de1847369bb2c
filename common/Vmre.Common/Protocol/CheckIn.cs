namespace Vmre.Common.Protocol;

/// <summary>Desk → module server: who is this? Either the scanned MRZ (3 lines) or a typed clave de elector.</summary>
public sealed record CheckInLookupRequest(string? Mrz, string? Clave);

/// <summary>The list's answer. Voter is shown only when found in this module's slice.</summary>
public sealed record CheckInLookupResponse(CheckInOutcome Outcome, string Reason, CheckInVoter? Voter);

public sealed record CheckInVoter(string Clave, string Name, string Entidad, string BallotStyle);

/// <summary>The official has compared the face with the name: mark as voted and issue one activation.</summary>
public sealed record CheckInConfirmRequest(string Clave);

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
}
