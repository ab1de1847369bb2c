using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Provisioning.Tests.Tools;

/// <summary>Testigo papers as the terminal's firmware lays them out (issue 9: one paper per testigo), for the tools' tests.</summary>
internal static class TestigoTickets
{
    public static string Payload(string election8, params ContestMarks[] contests) =>
        new TestigoPayload(election8, "05", contests).Encode();

    /// <summary>The testigo's body, held at the window: no cut yet.</summary>
    public static byte[] Body(string payload, string packageHash) => TestigoLayout.Body(new TestigoTicketData
    {
        ElectionName = "Proceso Electoral Local 2022-2023",
        ContestTitles = ["Gubernatura de Coahuila de Zaragoza"],
        SelectionTexts = ["PAN + PRI (coalición)"],
        QrPayload = payload,
        PackageHash = packageHash,
    });

    /// <summary>The paper of a sealed vote: the body, then VOTO EMITIDO and its mark, cut.</summary>
    public static byte[] Accepted(string payload, string packageHash) => [.. Body(payload, packageHash), .. TestigoLayout.Accepted()];

    /// <summary>A voided paper: the body, printed over, ANULADO with its reason and mark, cut.</summary>
    public static byte[] Voided(string payload, string packageHash, VoidReason reason) => [.. Body(payload, packageHash), .. TestigoLayout.Voided(reason)];
}
