namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// The terminal's closing record (constancia de cierre). Votes sealed, testigos printed
    /// and activations redeemed are printed side by side so the officials reconcile paper
    /// and electronic counts on the spot (rules.md R1, R6).
    /// </summary>
    public static class ClosingRecordLayout
    {
        public static byte[] Build(ClosingRecordData data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            TicketBlocks.RequireSameLength(data.CountLabels, data.Counts, "data");

            EscPosWriter w = new EscPosWriter();
            TicketBlocks.Header(w, "CONSTANCIA DE CIERRE", "CLOSING RECORD");
            TicketBlocks.Field(w, "Módulo", data.ModuleId);
            TicketBlocks.Field(w, "Dispositivo", data.DeviceId);
            TicketBlocks.Block(w, "Paquete electoral (SHA-256)", data.PackageHash);
            TicketBlocks.Field(w, "Hora UTC", data.UtcTime);
            TicketBlocks.Field(w, "Hora local", data.LocalTime);
            TicketBlocks.Separator(w);

            w.Bold(true).Line("RESULTADOS").Bold(false);
            for (int i = 0; i < data.CountLabels.Length; i++)
            {
                TicketBlocks.Count(w, data.CountLabels[i], data.Counts[i]);
            }
            TicketBlocks.Separator(w);
            w.Bold(true).Line("TOTALES").Bold(false);
            TicketBlocks.Count(w, "Votos sellados", data.VotesSealed);
            TicketBlocks.Count(w, "Testigos impresos", data.TestigosPrinted);
            TicketBlocks.Count(w, "Testigos anulados", data.TestigosVoided);
            TicketBlocks.Count(w, "Activaciones usadas", data.ActivationsRedeemed);
            TicketBlocks.Count(w, "Sesiones sin voto", data.SessionsWithoutVote);
            TicketBlocks.Separator(w);
            TicketBlocks.Block(w, "Hash de la constancia", data.RecordHash);
            TicketBlocks.Separator(w);
            TicketBlocks.SignatureAndCut(w, "presidente/a");
            return w.ToArray();
        }
    }
}
