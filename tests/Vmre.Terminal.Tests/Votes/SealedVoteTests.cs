using System.Security.Cryptography;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Votes;

/// <summary>A sealed vote opens with its key and id only, and every one has the same length (rules.md R3; issue 10 point 4).</summary>
public sealed class SealedVoteTests
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_sealed_vote_opens_with_its_key_and_id_only()
    {
        const string id = "0123456789ABCDEF0123", payload = "VMRE-T2|0a1b2c3d|E05|GOB-05=MC";
        var sealedVote = SealedVote.Seal(_key, id, payload);
        Assert.Equal(payload, SealedVote.Open(_key, id, sealedVote));
        Assert.DoesNotContain("GOB-05"u8.ToArray(), Windows(sealedVote, 6));
        for (var i = 0; i < sealedVote.Length; i += 7)
        {
            var tampered = (byte[])sealedVote.Clone();
            tampered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => SealedVote.Open(_key, id, tampered));
        }
        Assert.ThrowsAny<CryptographicException>(() => SealedVote.Open(_key, "0123456789ABCDEF0124", sealedVote));
        Assert.ThrowsAny<CryptographicException>(() => SealedVote.Open(RandomNumberGenerator.GetBytes(32), id, sealedVote));
        Assert.ThrowsAny<CryptographicException>(() => SealedVote.Open(_key, id, sealedVote[..^1]));
    }

    [Fact]
    public void Every_sealed_vote_has_one_length_whatever_its_selection()
    {
        // The review read the selection class off the blob length (payload + 28): no more.
        var payloads = new[] { "", "VMRE-T2|0a1b2c3d|E05|GOB-05=-", "VMRE-T2|0a1b2c3d|E05|GOB-05=CNR:" + new string('A', 40),
            new string('X', SealedVote.MaxPayload) };
        var lengths = payloads.Select(p => SealedVote.Seal(_key, "AAAA0000000000000001", p).Length).Distinct().ToArray();
        Assert.Equal([SealedVote.Length], lengths);
        foreach (var p in payloads) Assert.Equal(p, SealedVote.Open(_key, "ID", SealedVote.Seal(_key, "ID", p)));
    }

    [Fact]
    public void A_payload_over_the_testigo_limit_is_refused_by_name()
    {
        var over = Assert.Throws<ArgumentException>(() => SealedVote.Seal(_key, "ID", new string('X', SealedVote.MaxPayload + 1)));
        Assert.Contains("over 512 bytes", over.Message);
    }

    private static IEnumerable<byte[]> Windows(byte[] bytes, int size) =>
        Enumerable.Range(0, Math.Max(0, bytes.Length - size + 1)).Select(i => bytes.AsSpan(i, size).ToArray());
}
