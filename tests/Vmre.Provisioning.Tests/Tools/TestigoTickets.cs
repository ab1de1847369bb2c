using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Provisioning.Tests.Tools;

/// <summary>Testigo tickets as the terminal's firmware lays them out, for the tools' tests.</summary>
internal static class TestigoTickets
{
    public static string Payload(string election8, string testigoId, params ContestMarks[] contests) =>
        new TestigoPayload(election8, "05", contests).Encode(); // VMRE-T2: no id (issue 9)

    public static byte[] Bytes(string payload, string testigoId, string packageHash) => TestigoLayout.Body(new TestigoTicketData
    {
        ElectionName = "Proceso Electoral Local 2022-2023",
        ContestTitles = ["Gubernatura de Coahuila de Zaragoza"],
        SelectionTexts = ["PAN + PRI (coalición)"],
        QrPayload = payload,
        PackageHash = packageHash,
    });
}
