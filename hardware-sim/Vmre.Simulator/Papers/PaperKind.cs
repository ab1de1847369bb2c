namespace Vmre.Simulator.Papers;

/// <summary>What a printed paper is, read from its heading as a person would.</summary>
public enum PaperKind { Testigo, ZeroReport, ClosingRecord, Acta, Other }

public static class PaperKinds
{
    public static PaperKind Of(string text)
    {
        var upper = text.ToUpperInvariant();
        if (upper.Contains("ANULADO")) return PaperKind.Other;
        if (upper.Contains("TESTIGO DEL VOTO")) return PaperKind.Testigo;
        if (upper.Contains("REPORTE DE INICIO")) return PaperKind.ZeroReport;
        if (upper.Contains("CONSTANCIA DE CIERRE")) return PaperKind.ClosingRecord;
        if (upper.Contains("ACTA DE ESCRUTINIO")) return PaperKind.Acta;
        return PaperKind.Other;
    }
}
