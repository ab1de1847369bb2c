using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vmre.Terminal.Votes.Slots;

/// <summary>
/// The byte layout of a slot row, vmre-vote-store/1 (docs/formats/vote-store.md). Every slot is
/// <see cref="Length"/> bytes whatever it holds, so SQLite overwrites the row in place and no row
/// grows or moves as a testigo advances (issue 10 point 4). The HMAC covers the slot's own index,
/// so a row copied into another slot is told apart from an altered one (issue 10 point 2).
/// </summary>
public static class SlotCodec
{
    public const byte Version = 1;
    public const int ReasonCapacity = 24;
    public const int IdCapacity = 40;
    /// <summary>Room for one sealed vote: <see cref="SealedVote.Length"/> (542) fits with margin.</summary>
    public const int VoteCapacity = 576;
    public const int ContentLength = 75 + VoteCapacity;
    public const int MacLength = 32;
    public const int Length = ContentLength + MacLength;
    private static readonly byte[] Domain = "vmre-vote-store/1 slot"u8.ToArray();

    public static byte[] Encode(Slot slot, byte[] macKey)
    {
        var reason = Ascii(slot.Reason, ReasonCapacity, "reason code");
        var id = Ascii(slot.TestigoId, IdCapacity, "testigo id");
        if (slot.Vote.Length > VoteCapacity) throw new ArgumentException($"sealed vote over {VoteCapacity} bytes", nameof(slot));
        var b = new byte[Length];
        b[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(1), (uint)slot.Index);
        b[5] = (byte)slot.State;
        b[6] = slot.Torn ? (byte)1 : (byte)0;
        b[7] = (byte)reason.Length;
        reason.CopyTo(b, 8);
        b[32] = (byte)id.Length;
        id.CopyTo(b, 33);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(73), (ushort)slot.Vote.Length);
        slot.Vote.CopyTo(b, 75);
        Mac(macKey, b.AsSpan(0, ContentLength)).CopyTo(b, ContentLength);
        return b;
    }

    /// <summary>The slot a row holds, or the finding code it earns: row-altered (bad MAC or shape), row-moved (a valid row of another slot).</summary>
    public static (Slot? Slot, string? Finding) Decode(int index, byte[] row, byte[] macKey)
    {
        if (row.Length != Length || row[0] != Version) return (null, StoreFinding.RowAltered);
        var mac = Mac(macKey, row.AsSpan(0, ContentLength));
        if (!CryptographicOperations.FixedTimeEquals(mac, row.AsSpan(ContentLength))) return (null, StoreFinding.RowAltered);
        var stored = (int)BinaryPrimitives.ReadUInt32BigEndian(row.AsSpan(1));
        if (stored != index) return (null, StoreFinding.RowMoved);
        if (row[5] > (byte)TestigoState.Voided || row[7] > ReasonCapacity || row[32] > IdCapacity
            || BinaryPrimitives.ReadUInt16BigEndian(row.AsSpan(73)) > VoteCapacity) return (null, StoreFinding.RowAltered);
        var vote = row.AsSpan(75, BinaryPrimitives.ReadUInt16BigEndian(row.AsSpan(73))).ToArray();
        return (new Slot(index, (TestigoState)row[5], row[6] == 1, Encoding.ASCII.GetString(row, 8, row[7]),
            Encoding.ASCII.GetString(row, 33, row[32]), vote), null);
    }

    /// <summary>The slot's MAC as stored in its last 32 bytes (the digest is computed over these).</summary>
    public static ReadOnlySpan<byte> MacOf(byte[] row) => row.AsSpan(ContentLength, MacLength);

    private static byte[] Mac(byte[] key, ReadOnlySpan<byte> content)
    {
        using var h = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        h.AppendData(Domain);
        h.AppendData(content);
        return h.GetHashAndReset();
    }

    private static byte[] Ascii(string text, int capacity, string what)
    {
        if (text.Any(c => c is < ' ' or > '~') || text.Length > capacity)
            throw new ArgumentException($"{what} must be at most {capacity} printable ASCII characters");
        return Encoding.ASCII.GetBytes(text);
    }
}
