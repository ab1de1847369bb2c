using Vmre.Common.Acta;
using Vmre.Firmware.Printing;

namespace Vmre.ModuleServer.Printing;

/// <summary>
/// The printed acta (brief section 2.5) as ESC/POS through the firmware writer, so it prints
/// the same on the real printer and the simulator's (brief section 4): every line in figure
/// and words, totals, the reconciliation, the PREP QR and room for the officials to sign.
/// </summary>
public static class ActaTicket
{
    public const string Title = "ACTA DE ESCRUTINIO Y CÓMPUTO";
    private const int Width = EscPosWriter.Columns;

    public static byte[] Build(Acta acta, string prepCode)
    {
        var w = new EscPosWriter();
        w.Initialize().SelectCodePage858().Align(TextAlignment.Center).Bold(true).Size(2, 2);
        Wrapped(w, Title, Width / 2);
        w.Size(1, 1);
        Wrapped(w, acta.ElectionName, Width);
        w.Bold(false).Align(TextAlignment.Left);
        Separator(w);
        Wrapped(w, $"Módulo: {acta.ModuleId} {acta.ModuleName}", Width);
        Wrapped(w, $"Elección: {acta.ElectionId}", Width);
        w.Line("Paquete electoral (SHA-256):");
        Wrapped(w, acta.PackageHash, Width);
        Wrapped(w, $"Terminales: {string.Join(", ", acta.Terminals)}", Width);
        Wrapped(w, $"Hora UTC: {acta.Utc}", Width);
        Wrapped(w, $"Hora local: {acta.Local}", Width);

        foreach (var contest in acta.Contests)
        {
            Separator(w);
            w.Bold(true);
            Wrapped(w, contest.Title, Width);
            w.Bold(false);
            foreach (var line in contest.Lines)
            {
                Leaders(w, line.Label, line.Votes);
                Wrapped(w, "  (" + line.Words + ")", Width);
            }
            w.Bold(true);
            Leaders(w, "TOTAL", contest.Total);
            w.Bold(false);
            Wrapped(w, "  (" + contest.TotalWords + ")", Width);
        }

        Separator(w);
        w.Bold(true).Line("CUADRE").Bold(false);
        var r = acta.Reconciliation;
        Leaders(w, "Electores que se registraron en la mesa", r.VotersCheckedIn);
        Leaders(w, "Activaciones emitidas", r.ActivationsIssued);
        Leaders(w, "Activaciones usadas", r.ActivationsRedeemed);
        Leaders(w, "Votos sellados", r.VotesSealed);
        Leaders(w, "Testigos impresos", r.TestigosPrinted);
        Leaders(w, "Testigos anulados", r.TestigosVoided);
        // Acta v2 (issue 9 point 6): the reconciliation per ballot style and the counters' paper rule.
        foreach (var style in r.ByStyle ?? [])
        {
            w.Line($"Tipo de boleta {style.Style}:");
            Leaders(w, "  Electores registrados", style.VotersCheckedIn);
            Leaders(w, "  Activaciones emitidas", style.ActivationsIssued);
            Leaders(w, "  Activaciones usadas", style.ActivationsRedeemed);
            Leaders(w, "  Votos sellados", style.VotesSealed);
        }
        w.Line(r.Reconciled ? "Cuadre: correcto" : "Cuadre: CON DIFERENCIAS");
        foreach (var statement in r.Discrepancies) Wrapped(w, "- " + statement, Width);

        if (acta.PaperRule is not null)
        {
            Separator(w);
            Wrapped(w, acta.PaperRule, Width);
        }
        Separator(w);
        w.Align(TextAlignment.Center).Line("PREP").Qr(prepCode, 4, QrErrorCorrection.M).Align(TextAlignment.Left);
        Separator(w);
        foreach (var signer in new[] { "Presidente/a", "Secretario/a", "Escrutador/a" })
        {
            w.Feed(3);
            w.Line(signer + ": ______________________________");
        }
        w.Feed(4).Cut();
        return w.ToArray();
    }

    private static void Separator(EscPosWriter w) => w.Line(TicketText.Separator(Width));

    private static void Wrapped(EscPosWriter w, string text, int width)
    {
        foreach (var line in TicketText.Wrap(text, width)) w.Line(line);
    }

    private static void Leaders(EscPosWriter w, string label, int value)
    {
        foreach (var line in TicketText.Leaders(label, value.ToString(), Width)) w.Line(line);
    }
}
