using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vmre.Terminal.Votes.Slots;

/// <summary>
/// The header row's bytes, vmre-vote-store/1 (docs/formats/vote-store.md): always <see cref="Length"/>
/// bytes, so it is overwritten in place like the slots; HMAC-SHA256 over everything before it.
/// </summary>
public static class HeaderCodec
{
    public static readonly byte[] Magic = "VMRS"u8.ToArray();
    public const byte Version = 1;
    public const int ContentLength = 2016;
    public const int Length = ContentLength + 32;
    public const int MaxCounterName = 63;
    private const int CountersAt = 51;
    private static readonly byte[] Domain = "vmre-vote-store/1 header"u8.ToArray();

    public static byte[] Encode(StoreHeader header, byte[] macKey)
    {
        var b = new byte[Length];
        Magic.CopyTo(b, 0);
        b[4] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(5), (uint)header.Capacity);
        BinaryPrimitives.WriteUInt64BigEndian(b.AsSpan(9), header.Epoch);
        header.Digest.CopyTo(b, 17);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(49), (ushort)header.Counters.Count);
        var at = CountersAt;
        foreach (var (name, value) in header.Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var n = Encoding.UTF8.GetBytes(name);
            if (n.Length > MaxCounterName) throw new ArgumentException($"counter name over {MaxCounterName} bytes");
            if (at + 1 + n.Length + 8 > ContentLength) throw new InvalidOperationException("vote store counters full: the header has no room for another counter");
            b[at++] = (byte)n.Length;
            n.CopyTo(b, at);
            at += n.Length;
            BinaryPrimitives.WriteInt64BigEndian(b.AsSpan(at), value);
            at += 8;
        }
        Mac(macKey, b.AsSpan(0, ContentLength)).CopyTo(b, ContentLength);
        return b;
    }

    /// <summary>The header, or the finding it earns: layout (not this format), header-altered (MAC fails).</summary>
    public static (StoreHeader? Header, string? Finding) Decode(byte[] row, byte[] macKey)
    {
        if (row.Length != Length || !row.AsSpan(0, 4).SequenceEqual(Magic) || row[4] != Version) return (null, StoreFinding.Layout);
        if (!CryptographicOperations.FixedTimeEquals(Mac(macKey, row.AsSpan(0, ContentLength)), row.AsSpan(ContentLength)))
            return (null, StoreFinding.HeaderAltered);
        var counters = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var at = CountersAt;
        for (var i = BinaryPrimitives.ReadUInt16BigEndian(row.AsSpan(49)); i > 0; i--)
        {
            int len = row[at++];
            var name = Encoding.UTF8.GetString(row, at, len);
            at += len;
            counters[name] = BinaryPrimitives.ReadInt64BigEndian(row.AsSpan(at));
            at += 8;
        }
        return (new StoreHeader((int)BinaryPrimitives.ReadUInt32BigEndian(row.AsSpan(5)), BinaryPrimitives.ReadUInt64BigEndian(row.AsSpan(9)),
            row.AsSpan(17, 32).ToArray(), counters), null);
    }

    private static byte[] Mac(byte[] key, ReadOnlySpan<byte> content)
    {
        using var h = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        h.AppendData(Domain);
        h.AppendData(content);
        return h.GetHashAndReset();
    }
}
