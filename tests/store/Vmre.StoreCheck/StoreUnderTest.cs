using System.Security.Cryptography;
using Vmre.Terminal.Votes;

namespace Vmre.StoreCheck;

/// <summary>A store layout the order check casts votes through: the issue 10 slot store, or the baseline (control).</summary>
public interface IStoreUnderTest : IDisposable
{
    string Name { get; }
    void BeginPrinting(string id);
    void Printed(string id);
    void Seal(string id);
    void Voiding(string id, string reason);
    void VoidMarkPrinted(string id);
    /// <summary>Cast; <paramref name="inTransaction"/> (if any) runs inside its transaction before commit.</summary>
    void Cast(string id, Action? inTransaction);
    /// <summary>Each testigo's slot index where the layout has one.</summary>
    IReadOnlyDictionary<string, long>? SlotIndexes();
}

/// <summary>The vote store as the terminal opens it (vmre-vote-store/1), with random keys and an in-memory epoch.</summary>
public sealed class SlotStoreUnderTest(string path, bool durable) : IStoreUnderTest
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly VoteStore _store = new(path, RandomNumberGenerator.GetBytes(32), new CountingEpoch(), VoteStore.DefaultCapacity, durable);

    public string Name => "vmre-vote-store/1";
    public void BeginPrinting(string id) => _store.BeginPrinting(id);
    public void Printed(string id) => _store.Printed(id);
    public void Seal(string id) => _store.Seal(id, SealedVote.Seal(_key, id, Payloads.Next()));
    public void Voiding(string id, string reason) => _store.Voiding(id, reason);
    public void VoidMarkPrinted(string id) => _store.VoidMarkPrinted(id);

    public void Cast(string id, Action? inTransaction)
    {
        _store.BeforeCommit = inTransaction;
        try { _store.Cast(id); }
        finally { _store.BeforeCommit = null; }
    }

    public IReadOnlyDictionary<string, long>? SlotIndexes() => _store.SlotIndexes();
    public void Dispose() => _store.Dispose();
}

/// <summary>The pre-issue-10 layout (control): votes of varying length, as unpadded AES-GCM made them.</summary>
public sealed class BaselineUnderTest(string path, bool durable) : IStoreUnderTest
{
    private readonly BaselineVoteStore _store = new(path, durable);

    public string Name => "baseline (pre-issue-10 layout)";
    public void BeginPrinting(string id) => _store.BeginPrinting(id);
    public void Printed(string id) => _store.Printed(id);
    public void Seal(string id) => _store.Seal(id, RandomNumberGenerator.GetBytes(28 + Payloads.Next().Length));
    public void Voiding(string id, string reason) => _store.Voiding(id, reason);
    public void VoidMarkPrinted(string id) => _store.VoidMarkPrinted(id);

    public void Cast(string id, Action? inTransaction)
    {
        if (inTransaction is null) _store.Cast(id);
        else _store.Cast(id, inTransaction);
    }

    public IReadOnlyDictionary<string, long>? SlotIndexes() => null;
    public void Dispose() => _store.Dispose();
}

/// <summary>An epoch counter in memory: the order check is about the file's bytes, not the TPM.</summary>
internal sealed class CountingEpoch : IStoreEpoch
{
    private ulong _value;
    public ulong Read() => _value;
    public void Advance() => _value++;
}

/// <summary>Testigo payloads of the lengths real selections give (a null vote is short, a write-in long).</summary>
internal static class Payloads
{
    public static string Next() => "VMRE-T2|0a1b2c3d|E05|GOB-05=" + new string('M', RandomNumberGenerator.GetInt32(1, 60));
}
