namespace Vmre.Firmware.Testigo
{
    /// <summary>What the voter marked in one contest (Brief section 2, Mexican ballot rules).</summary>
    public enum MarkKind
    {
        /// <summary>Nothing marked: counted as voto nulo. Encoded as "-".</summary>
        Nothing = 0,

        /// <summary>One party, or several parties of one coalition. Encoded as "PAN+PRI".</summary>
        Parties = 1,

        /// <summary>Candidatura no registrada (write-in). Encoded as "CNR:NAME".</summary>
        WriteIn = 2
    }
}
