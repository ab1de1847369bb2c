using Vmre.Firmware.Printing;

namespace Vmre.Terminal.Session;

/// <summary>TEMPORARY until branch t2-format's TestigoLayout.Accepted/Voided are merged.</summary>
internal static class MarkLayoutStandIn
{
    public static byte[] Accepted() =>
        new EscPosWriter().Initialize().Align(TextAlignment.Center).Line("VOTO EMITIDO")
            .Line("Este testigo cuenta en el recuento").Feed(4).Cut().ToArray();

    public static byte[] Voided(VoidReason reason) =>
        new EscPosWriter().Initialize().Align(TextAlignment.Center).Line("ANULADO").Line(VoidReasonCodes.SpanishOf(reason))
            .Line("Este papel no cuenta en el recuento").Feed(4).Cut().ToArray();
}
