using Vmre.Firmware.Printing;

namespace Vmre.HardwareSim.Tests.Printer.Overprint;

/// <summary>
/// A testigo-like page and its two endings, built as the terminal builds them: the firmware's
/// <see cref="EscPosWriter"/> for the body, raw ESC K / GS B / GS k bytes for the marks. A stand-in
/// for the firmware's TestigoLayout (issue 9 §2), so the printer is tested on its own.
/// </summary>
internal static class StandInTestigo
{
    public const string Payload = "VMRE-T2|3f2a9c1b|05|GOB-05=PAN+PRI;AYU-1=CNR:JOS%C3%89 P%C3%89REZ %C3%91%C3%9A%C3%91EZ";
    public const string AcceptedMark = "VMRE-M1|EMITIDO";
    public const string VoidMark = "VMRE-M1|ANULADO|REJECTED";

    /// <summary>Band lines of 24 dots: more than this body's height, as TestigoLayout.MaxBodyDots is for any body.</summary>
    public const int BandLines = 40;

    public static readonly string[] BodyLines =
        ["TESTIGO DEL VOTO", "GOBERNADOR", "Partido A + Partido B", "Paquete 0123456789abcdef", "Revise su testigo / Check your testigo"];

    /// <summary>Heading to "Revise su testigo", no cut: the paper stays held at the window.</summary>
    public static byte[] Body() => new EscPosWriter()
        .Initialize().SelectCodePage858()
        .Align(TextAlignment.Center).Bold(true).Size(2, 2).Line(BodyLines[0]).Size(1, 1).Bold(false)
        .Line("Elecciones generales 2026").Line(new string('-', 48))
        .Align(TextAlignment.Left).Line(BodyLines[1]).Line(BodyLines[2])
        .Align(TextAlignment.Center).Qr(Payload, 6, QrErrorCorrection.M)
        .Line(BodyLines[3]).Line(BodyLines[4])
        .ToArray();

    /// <summary>VOTO EMITIDO, its Code128 mark, cut.</summary>
    public static byte[] Accepted() => new Ticket()
        .Align(1).Size(2, 2).Line("VOTO EMITIDO").Size(1, 1)
        .Code128(AcceptedMark, moduleWidth: 2).Line("Este testigo cuenta en el recuento")
        .Feed(3).Cut().Bytes;

    /// <summary>Back to the top of the held page, a black band over the body, ANULADO, its Code128 mark, cut.</summary>
    public static byte[] Voided() => new Ticket()
        .ReverseFeed(BandLines * 24).Band(BandLines)
        .Align(1).Size(2, 2).Line("ANULADO").Size(1, 1).Line("Rechazado por el votante")
        // 24 characters of code set B are 310 modules: at 2 dots a module they would not fit 576 dots.
        .Code128(VoidMark, moduleWidth: 1).Line("Este papel no cuenta en el recuento")
        .Feed(3).Cut().Bytes;
}
