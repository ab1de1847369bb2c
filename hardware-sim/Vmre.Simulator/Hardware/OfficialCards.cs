using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Vmre.HardwareSim.Nfc;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Hardware;

/// <summary>
/// The officials' VMRE-K2 cards (docs/formats/official-card.md v2, issue 11 point 1): one
/// smart card per official for the whole run, personalised with their PIN and a fresh key pair
/// made inside it. The same card comes back every time, so its try counter and its key hold
/// across the day, and <see cref="SimulatedSmartCard.PublicKeyPem"/> is what the module config
/// lists for that official (<c>officials[].cardPublicKeyPem</c>).
/// </summary>
public static class OfficialCards
{
    private static readonly ConcurrentDictionary<string, SimulatedSmartCard> Issued = new(StringComparer.Ordinal);

    public static SimulatedSmartCard For(SimOfficial official)
    {
        ArgumentNullException.ThrowIfNull(official);
        return Issued.GetOrAdd(official.CredentialId, _ => SimulatedSmartCard.Personalise(official.CredentialId, official.Pin, UidOf(official)));
    }

    /// <summary>A fixed 7-byte UID per official; NXP's manufacturer code 0x04 first (never the cascade tag 0x88).</summary>
    private static byte[] UidOf(SimOfficial official)
    {
        var uid = SHA256.HashData(Encoding.ASCII.GetBytes(official.CredentialId))[..7];
        uid[0] = 0x04;
        return uid;
    }
}
