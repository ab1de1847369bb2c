using System.Security.Cryptography;

namespace Vmre.Terminal.Votes.Slots;

/// <summary>
/// The header's digest of every slot (issue 10 point 2): HMAC-SHA256 under the store MAC key over
/// all slot MACs taken in slot-index order. Slot indexes are drawn at random, so this order owes
/// nothing to the order of casting: the digest depends only on the set of (slot, content), never on
/// when each was written. Not an XOR or sum of MACs: those are linear, and with old copies of rows
/// (every slot's earlier versions are MACs an attacker can read) a subset whose XOR matches the
/// header can be found by Gaussian elimination; a keyed hash over all of them has no such shortcut.
/// Recomputing it costs one HMAC over capacity × 32 bytes per change (128 KiB at 4096 slots).
/// </summary>
public static class SlotDigest
{
    private static readonly byte[] Domain = "vmre-vote-store/1 digest"u8.ToArray();

    /// <summary>
    /// The digest over whole slot rows, each row's MAC read in place; with <paramref name="index"/>
    /// and <paramref name="row"/>, as if that slot held <paramref name="row"/> (the change about to
    /// commit). No per-slot copies: this runs on every change of the vote path.
    /// </summary>
    public static byte[] OfRows(IReadOnlyList<byte[]> rows, byte[] macKey, int? index = null, byte[]? row = null)
    {
        using var h = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, macKey);
        h.AppendData(Domain);
        for (var i = 0; i < rows.Count; i++) h.AppendData(SlotCodec.MacOf(i == index ? row! : rows[i]));
        return h.GetHashAndReset();
    }

    public static byte[] Of(IReadOnlyList<byte[]> slotMacs, byte[] macKey)
    {
        using var h = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, macKey);
        h.AppendData(Domain);
        foreach (var mac in slotMacs) h.AppendData(mac);
        return h.GetHashAndReset();
    }
}
