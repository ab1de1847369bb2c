namespace Vmre.Firmware.Testigo
{
    /// <summary>What the mark printed under a testigo says (format VMRE-M1, docs/formats/testigo-marks.md).</summary>
    public enum TestigoMarkKind
    {
        /// <summary>"VOTO EMITIDO": the vote was sealed; the paper counts in the recount.</summary>
        Accepted = 0,

        /// <summary>"ANULADO" with a reason: the paper does not count; its selection is printed over.</summary>
        Voided = 1
    }
}
