using System.Security.Cryptography;
using System.Text;
using Vmre.Common.Cards;
using Vmre.HardwareSim.Nfc;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Hardware;

/// <summary>
/// The officials' credential cards (docs/formats/official-card.md, VMRE-K1): an NTAG213 whose user
/// pages hold the credential id only, never the PIN (rules.md R8). The PIN is typed on the screen.
/// </summary>
public static class OfficialCards
{
    public static SimulatedTag For(SimOfficial official)
    {
        // A fixed 7-byte UID per official; NXP's manufacturer code 0x04 first (never the cascade tag 0x88).
        var uid = SHA256.HashData(Encoding.ASCII.GetBytes(official.CredentialId))[..7];
        uid[0] = 0x04;
        return SimulatedTag.WithUserData(uid, OfficialCardData.Encode(new OfficialCard(official.CredentialId)));
    }
}
