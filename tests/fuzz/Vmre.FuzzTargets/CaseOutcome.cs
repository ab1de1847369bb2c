namespace Vmre.FuzzTargets;

/// <summary>What a decoder said about one case: accepted, or refused with its documented reason.</summary>
public readonly record struct CaseOutcome(bool Accepted, string? Reason)
{
    public static CaseOutcome Accept() => new(true, null);
    public static CaseOutcome Reject(string reason) => new(false, reason);
}
