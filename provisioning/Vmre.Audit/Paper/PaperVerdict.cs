namespace Vmre.Audit.Paper;

/// <summary>
/// What one paper in the box is to the count (docs/formats/testigo-marks.md, the counters' rule;
/// issue 9 point 1): a vote, a voided testigo, a paper of a format no longer accepted (refused by
/// name, never a vote), a testigo of another election, or not a vote at all.
/// </summary>
public enum PaperVerdict
{
    /// <summary>A VMRE-T2 testigo with the VOTO EMITIDO mark (VMRE-M1|EMITIDO) and no ANULADO.</summary>
    Counted,

    /// <summary>The ANULADO mark (VMRE-M1|ANULADO|reason): its selection is printed over.</summary>
    Voided,

    /// <summary>A VMRE-T1 testigo or a VMRE-V1 voiding notice: both name a testigo id (issue 9 point 5).</summary>
    Refused,

    /// <summary>A counted-looking testigo of another election package, or one the package cannot hold.</summary>
    Foreign,

    /// <summary>Anything else: a torn fragment, a testigo without the VOTO EMITIDO mark, a blank or unreadable paper.</summary>
    NotAVote,
}
