namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// The zero report (zerésima) printed at opening. It prints the counters the host read
    /// from storage, never constants: a non-zero counter shows on paper with a warning, and
    /// the host refuses to open (Brief section 2, step 2).
    /// </summary>
    public static class ZeroReportLayout
    {
        public const string NonZeroWarning = "ATENCIÓN: HAY CONTADORES QUE NO ESTÁN EN CERO";

        public static byte[] Build(ZeroReportData data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            TicketBlocks.RequireSameLength(data.ContestLabels, data.ContestCounts, "data");

            EscPosWriter w = new EscPosWriter();
            TicketBlocks.Header(w, "REPORTE DE INICIO", "ZERO REPORT");
            TicketBlocks.Field(w, "Módulo", data.ModuleId);
            TicketBlocks.Field(w, "Dispositivo", data.DeviceId);
            TicketBlocks.Field(w, "Elección", data.ElectionName);
            TicketBlocks.Block(w, "Paquete electoral (SHA-256)", data.PackageHash);
            TicketBlocks.Block(w, "Software (SHA-256)", data.SoftwareHash);
            if (data.MeasurementsHash != null) TicketBlocks.Block(w, "Mediciones (SHA-256)", data.MeasurementsHash);
            TicketBlocks.Field(w, "Hora UTC", data.UtcTime);
            TicketBlocks.Field(w, "Hora local", data.LocalTime);
            TicketBlocks.Separator(w);

            w.Bold(true).Line("CONTADORES").Bold(false);
            bool allZero = data.TotalVotes == 0;
            for (int i = 0; i < data.ContestLabels.Length; i++)
            {
                TicketBlocks.Count(w, data.ContestLabels[i], data.ContestCounts[i]);
                if (data.ContestCounts[i] != 0) allZero = false;
            }
            TicketBlocks.Separator(w);
            w.Bold(true);
            TicketBlocks.Count(w, "TOTAL VOTOS", data.TotalVotes);
            w.Bold(false);
            if (!allZero)
            {
                w.Bold(true);
                TicketBlocks.Wrapped(w, NonZeroWarning, TicketBlocks.Width);
                w.Bold(false);
            }
            TicketBlocks.Separator(w);
            TicketBlocks.SignatureAndCut(w, "presidente/a");
            return w.ToArray();
        }
    }
}
