namespace Vmre.Common.Protocol;

/// <summary>
/// Desk → module server: void this voter's unredeemed activation (lost, expired) and issue a
/// new one, with the official's reason (issue 8 point 4). The voter was already marked as voted
/// at check-in; without this, an expired activation would strand them.
/// </summary>
public sealed record ActivationReissueRequest(string Clave, string Reason)
{
    /// <summary>The reason is logged: short, one line, and never the voter's identity.</summary>
    public const int MinReasonLength = 3;
    public const int MaxReasonLength = 200;
}

/// <summary>The new activation when <see cref="ReissueOutcome.Reissued"/>; the reason otherwise.</summary>
public sealed record ActivationReissueResponse(ReissueOutcome Outcome, string Reason, string? ActivationToken, string? BallotStyle);

public enum ReissueOutcome
{
    Reissued,
    InvalidCredential,
    InvalidReason,
    NotInList,
    /// <summary>The voter has no activation to replace: check them in instead.</summary>
    NotCheckedIn,
    /// <summary>The voter's activation was redeemed: they voted, and nothing is re-issued (rules.md R4).</summary>
    AlreadyRedeemed,
    PollsNotOpen,
}
