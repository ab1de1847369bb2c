using Vmre.Firmware.Printing;

namespace Vmre.Simulator.Papers;

/// <summary>
/// What a printed paper is, read from its heading as a person would. One paper per testigo (issue 9
/// point 1): accepted, its heading TESTIGO DEL VOTO shows; voided, the testigo is printed over by
/// the black band and the first words a person can read are ANULADO.
/// </summary>
public enum PaperKind { Testigo, VoidedTestigo, ZeroReport, ClosingRecord, Acta, Other }

public static class PaperKinds
{
    public static PaperKind Of(string text)
    {
        // The heading is the first readable line; the body may mention other papers. Lines under a
        // void band are not in the text (a person cannot read them), so a voided paper begins with ANULADO.
        var first = text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim().ToUpperInvariant() ?? "";
        if (first.Contains(TestigoLayout.Heading)) return PaperKind.Testigo;
        if (first == TestigoLayout.VoidedTitle) return PaperKind.VoidedTestigo;
        if (first.Contains("REPORTE DE INICIO")) return PaperKind.ZeroReport;
        if (first.Contains("CONSTANCIA DE CIERRE")) return PaperKind.ClosingRecord;
        if (first.Contains("ACTA DE ESCRUTINIO")) return PaperKind.Acta;
        return PaperKind.Other;
    }
}
