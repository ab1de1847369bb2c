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
        // VMRE-V1 notices are no longer printed (issue 9): the void goes on the testigo's own paper.
        return TestigoLayout.Voided(reason);
    }
}
