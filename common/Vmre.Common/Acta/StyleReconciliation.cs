namespace Vmre.Common.Acta;

/// <summary>
/// One ballot style's line of the acta's reconciliation (acta v2, issue 9 point 6): voters
/// checked in whose entidad gives this style, activations of this style issued and redeemed
/// (the activations table holds a style but no voter: rules.md R2), and the votes of this style
/// the counted terminals sealed. Counts only, each from its own table, never linked.
/// </summary>
public sealed record StyleReconciliation(
    string Style,
    int VotersCheckedIn,
    int ActivationsIssued,
    int ActivationsRedeemed,
    int VotesSealed);
