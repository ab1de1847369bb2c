using Vmre.Common.Election;
using Vmre.Firmware.Printing;
using Vmre.Terminal.Setup;

namespace Vmre.Terminal.Session;

/// <summary>
/// The paper that voids a testigo (docs/formats/voiding-notice.md): it names the testigo by its id
/// so the paper recount leaves it out (rules.md R1). No time on it (rules.md R3).
/// </summary>
public static class VoidingNotice
{
    public static byte[] Compose(InstalledElection election, string terminalId, string testigoId, VoidReason reason)
    {
        var payload = new VoidingNoticePayload(PackageHash.Short(election.PackageHash), testigoId, reason).Encode();
        return VoidingNoticeLayout.Build(new VoidingNoticeData
        {
            ElectionName = election.Package.Name,
            TestigoId = testigoId,
            Reason = reason,
            DeviceId = terminalId,
            PackageHash = election.PackageHash,
            QrPayload = payload,
        });
    }
}
