namespace Vmre.Common.Acta;

/// <summary>
/// The counters' rule for the paper in the box (issue 9 design section 2, testigo-marks.md),
/// stated on every v2 acta so the table that recounts reads it where it signs.
/// </summary>
public static class PaperRule
{
    public const string Text =
        "Un papel cuenta como voto si y solo si muestra un testigo completo (del encabezado TESTIGO DEL VOTO " +
        "a la línea Revise su testigo) con la marca VOTO EMITIDO (texto y código de barras) impresa debajo, y sin ANULADO. " +
        "No son votos: los papeles marcados ANULADO, los fragmentos rotos y todo testigo sin la marca VOTO EMITIDO. " +
        "/ A paper counts as a vote if and only if it shows a whole testigo (heading to the Revise su testigo line) " +
        "with the VOTO EMITIDO mark (text and barcode) printed under it, and no ANULADO. " +
        "Papers marked ANULADO, torn fragments and any testigo without the VOTO EMITIDO mark are not votes.";
}
