using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Provisioning.Tests.Tools;

/// <summary>Testigo tickets as the terminal's firmware lays them out, for the tools' tests.</summary>
internal static class TestigoTickets
{
    public static string Payload(string election8, string testigoId, params ContestMarks[] contests) =>
        new TestigoPayload(election8, "05", testigoId, contests).Encode();

    public static byte[] Bytes(string payload, string testigoId, string packageHash) => TestigoLayout.Build(new TestigoTicketData
    {
        ElectionName = "Proceso Electoral Local 2022-2023",
        ContestTitles = ["Gubernatura de Coahuila de Zaragoza"],
        SelectionTexts = ["PAN + PRI (coalición)"],
        TestigoId = testigoId,
        QrPayload = payload,
        PackageHash = packageHash,
    });
}
