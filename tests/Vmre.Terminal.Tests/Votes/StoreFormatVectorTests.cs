using System.Security.Cryptography;
using Vmre.Terminal.Votes;
using Vmre.Terminal.Votes.Slots;

namespace Vmre.Terminal.Tests.Votes;

/// <summary>
/// Golden vectors of vmre-vote-store/1 (docs/formats/vote-store.md, "Example"): the key is bytes
/// 00..1f, the slot and header are the page's; the bytes are pinned by their SHA-256 and the MACs in full.
/// </summary>
public sealed class StoreFormatVectorTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly Slot Example = new(7, TestigoState.Sealed, false, "", "0123456789ABCDEF0123", [0xAA, 0xBB, 0xCC]);

    [Fact]
    public void A_sealed_slot_has_the_documented_bytes()
    {
        var row = SlotCodec.Encode(Example, Key);
        Assert.Equal(683, row.Length);
        Assert.Equal("010000000703000000000000000000000000000000000000000000000000000014303132333435363738394142434445463031323300000000000000000000000000000000000000000003aabbcc0000",
            Convert.ToHexString(row, 0, 80).ToLowerInvariant());
        Assert.Equal("d7938baf57f45facd5cb0fa977e3d61a0b1fa671e1341ad1215e9d8d12da283c", Convert.ToHexString(SlotCodec.MacOf(row)).ToLowerInvariant());
        Assert.Equal("24c0e08cdbfd63a8046937982e8c8e11753f2b75a49e5184439dcbafa8bbace6", Convert.ToHexString(SHA256.HashData(row)).ToLowerInvariant());
        Assert.Equal(Example with { Vote = [] }, SlotCodec.Decode(7, row, Key).Slot! with { Vote = [] });
        Assert.Equal(StoreFinding.RowMoved, SlotCodec.Decode(8, row, Key).Finding);
    }

    [Fact]
    public void A_header_has_the_documented_bytes()
    {
        var macs = Enumerable.Range(0, 4).Select(i => SlotCodec.MacOf(SlotCodec.Encode(i == 2 ? Example with { Index = 2 } : Slot.Free(i), Key)).ToArray()).ToList();
        var digest = SlotDigest.Of(macs, Key);
        Assert.Equal("8ef1d0ee0c0f6431f3da1bb7f3fb147acd12474d757d3dac3bbc4ef9be774bb0", Convert.ToHexString(digest).ToLowerInvariant());
        var header = new StoreHeader(4, 42, digest, new Dictionary<string, long> { ["activations-redeemed"] = 1, ["polls-state"] = 1 });
        var row = HeaderCodec.Encode(header, Key);
        Assert.Equal(2048, row.Length);
        Assert.Equal("564d52530100000004000000000000002a8ef1d0ee0c0f6431f3da1bb7f3fb147acd12474d757d3dac3bbc4ef9be774bb00002", Convert.ToHexString(row, 0, 51).ToLowerInvariant());
        Assert.Equal("1461637469766174696f6e732d72656465656d656400000000000000010b706f6c6c732d737461746500000000000000010000000000",
            Convert.ToHexString(row, 51, 54).ToLowerInvariant());
        Assert.Equal("e907728f1ce4ec489e66fd37f3637a6703d89c3430f9d140e86854f7961c3763", Convert.ToHexString(row, 2016, 32).ToLowerInvariant());
        Assert.Equal("e6dea5f25ebc3b5b6386b7e8d3a96bcee85758733a40dedb999bdf386629f90f", Convert.ToHexString(SHA256.HashData(row)).ToLowerInvariant());
    }
}
