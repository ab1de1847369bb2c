using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Vmre.Terminal.Votes.Slots;

[assembly: InternalsVisibleTo("Vmre.Terminal.Tests")]
[assembly: InternalsVisibleTo("vmre-store-check")]

namespace Vmre.Terminal.Votes;

/// <summary>
/// The terminal's durable record of testigos and sealed votes, vmre-vote-store/1
/// (docs/formats/vote-store.md; issue 10 points 2 and 4). A fixed number of fixed-length slots is
/// written at creation; a new testigo takes a free slot drawn from the OS CSPRNG and every change
/// overwrites its slot in place, so no byte of the file follows the order of casting (rules.md R3).
/// Every slot and the header (counters, TPM epoch, digest of all slots) carry an HMAC under the
/// store MAC key the TPM releases only in the measured state; each change writes its slot and the
/// header in one transaction (rules.md R6). A testigo goes printing, printed, then sealed and cast,
/// or voiding and voided, or straight to voided (issue 9). Before any change the slot's row and the
/// header are read back from disk and checked against what this terminal last wrote, so a state
/// rewritten on disk (a sealed vote made 'voiding') is refused, never acted on.
/// </summary>
public sealed partial class VoteStore : IDisposable
{
    public const int DefaultCapacity = 4096;
    private readonly SlotFile _file;
    private readonly byte[] _macKey;
    private readonly IStoreEpoch _epoch;
    private readonly object _gate = new();
    private Slot?[] _slots = [];
    private byte[][] _rows = [];
    private byte[] _headerRow = [];
    private StoreHeader _header = new(0, 0, new byte[32], new Dictionary<string, long>());
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly List<int> _free = [];
    private List<StoreFinding> _findings = [];

    /// <summary>Called inside each change's transaction just before it commits (the order test copies the rollback journal there).</summary>
    internal Action? BeforeCommit { get; set; }

    /// <summary>Before the first byte goes to the printer: the testigo takes a random free slot, not yet a vote.</summary>
    public void BeginPrinting(string testigoId)
    {
        lock (_gate)
        {
            EnsureWhole();
            if (_byId.ContainsKey(testigoId)) throw new InvalidOperationException("testigo state change refused: the testigo already exists");
            if (_free.Count == 0) throw new VoteStoreFullException(_slots.Length);
            var k = RandomNumberGenerator.GetInt32(_free.Count); // issue 10 point 4: the slot owes nothing to order
            var index = _free[k];
            var slot = Authenticated(index);
            if (slot.State != TestigoState.Free) throw Integrity(new(StoreFinding.DigestMismatch, $"slot {index} is not free"));
            Commit(new Slot(index, TestigoState.Printing, false, "", testigoId, []), _header);
            _free[k] = _free[^1];
            _free.RemoveAt(_free.Count - 1);
        }
    }

    public void Printed(string testigoId) => Change(testigoId, s => s.State == TestigoState.Printing ? s with { State = TestigoState.Printed } : null);

    /// <summary>Void a testigo none of which reached paper (the printer refused before the first byte): no mark owed.</summary>
    public void Voided(string testigoId) =>
        Change(testigoId, s => s.State is TestigoState.Printing or TestigoState.Printed ? s with { State = TestigoState.Voided } : null);

    /// <summary>Void a testigo that is (or may be) on paper: 'voiding' with its reason until its void mark prints (rules.md R1, R6).</summary>
    public void Voiding(string testigoId, string reasonCode) =>
        Change(testigoId, s => s.State is TestigoState.Printing or TestigoState.Printed ? s with { State = TestigoState.Voiding, Reason = reasonCode } : null);

    /// <summary>The void mark (band and ANULADO) printed whole over this testigo.</summary>
    public void VoidMarkPrinted(string testigoId) =>
        Change(testigoId, s => s.State == TestigoState.Voiding ? s with { State = TestigoState.Voided } : null);

    /// <summary>The voter accepted the testigo: seal the vote (it counts from here; its acceptance mark is owed). Only from a testigo that printed whole.</summary>
    public void Seal(string testigoId, byte[] sealedVote) =>
        Change(testigoId, s => s.State == TestigoState.Printed ? s with { State = TestigoState.Sealed, Vote = sealedVote } : null,
            "vote can only be sealed from a printed testigo");

    /// <summary>The acceptance mark (VOTO EMITIDO) printed whole under the sealed vote's testigo.</summary>
    public void Cast(string testigoId) => Change(testigoId, s => s.State == TestigoState.Sealed ? s with { State = TestigoState.Cast } : null);

    /// <summary>
    /// The acceptance mark's job failed after paper may have moved: counted once per sealed vote, the
    /// slot flagged and the counter raised in one transaction (rules.md R1, R6; issue 9 review).
    /// </summary>
    public void AcceptanceMarkTorn(string testigoId, string counter)
    {
        lock (_gate)
        {
            EnsureWhole();
            if (!_byId.TryGetValue(testigoId, out var index)) return;
            var slot = Authenticated(index);
            if (slot.State != TestigoState.Sealed || slot.Torn) return;
            Commit(slot with { Torn = true }, _header.With(counter, _header.Counter(counter) + 1));
        }
    }

    public void Increment(string counter) => ChangeHeader(h => h.With(counter, h.Counter(counter) + 1));

    public void Set(string counter, int value) => ChangeHeader(h => h.With(counter, value));

    private void Change(string testigoId, Func<Slot, Slot?> change, string refusal = "testigo state change refused")
    {
        lock (_gate)
        {
            EnsureWhole();
            if (!_byId.TryGetValue(testigoId, out var index)) throw new InvalidOperationException(refusal + ": no such testigo");
            var next = change(Authenticated(index)) ?? throw new InvalidOperationException(refusal + ": not from its state");
            Commit(next, _header);
        }
    }

    private void ChangeHeader(Func<StoreHeader, StoreHeader> change)
    {
        lock (_gate)
        {
            EnsureWhole();
            AuthenticatedHeader();
            Commit(null, change(_header));
        }
    }

    public void Dispose() => _file.Dispose();
}
