namespace Vmre.Simulator.Papers;

/// <summary>What a printed paper is, read from its heading as a person would.</summary>
public enum PaperKind { Testigo, ZeroReport, ClosingRecord, Acta, Other, VoidingNotice }

public static class PaperKinds
{
    public static PaperKind Of(string text)
    {
        // The heading is the first printed line; the body may mention other papers.
        var upper = text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.ToUpperInvariant() ?? "";
        if (upper.Contains("TESTIGO DEL VOTO")) return PaperKind.Testigo;
        // docs/formats/voiding-notice.md: the notice's heading is TESTIGO ANULADO.
        if (upper.Contains("TESTIGO ANULADO")) return PaperKind.VoidingNotice;
        if (upper.Contains("REPORTE DE INICIO")) return PaperKind.ZeroReport;
        if (upper.Contains("CONSTANCIA DE CIERRE")) return PaperKind.ClosingRecord;
        if (upper.Contains("ACTA DE ESCRUTINIO")) return PaperKind.Acta;
        return PaperKind.Other;
    }
}
