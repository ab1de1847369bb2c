using Vmre.Terminal.Votes.Slots;

namespace Vmre.Terminal.Votes;

/// <summary>Opening, verifying and the epoch protocol of the store (issue 10 point 2; docs/formats/vote-store.md).</summary>
public sealed partial class VoteStore
{
    /// <summary>
    /// Opens the store at <paramref name="path"/> (0600), creating it with <paramref name="capacity"/>
    /// free slots if the file is new, then verifies it whole. A whole store then advances its epoch
    /// (one TPM counter increment per start). A store with findings opens read-only: every change
    /// throws <see cref="StoreIntegrityException"/>; <see cref="Findings"/> names them.
    /// </summary>
    public VoteStore(string path, byte[] macKey, IStoreEpoch epoch, int capacity = DefaultCapacity)
        : this(path, macKey, epoch, capacity, durable: true) { }

    /// <summary>
    /// <paramref name="durable"/> false (synchronous=OFF) is for the order check only: it decides when
    /// SQLite calls fsync, never which bytes go where, so the file's layout is the terminal's.
    /// </summary>
    internal VoteStore(string path, byte[] macKey, IStoreEpoch epoch, int capacity, bool durable, bool inspectOnly = false, bool mustExist = false)
    {
        _inspectOnly = inspectOnly;
        // Security review of issue 10: a deleted or emptied votes.db must never come back as a new,
        // whole, empty store at the next start. The terminal's own store is made once, by `seal`.
        if ((inspectOnly || mustExist) && (!File.Exists(path) || new FileInfo(path).Length == 0))
            throw new StoreIntegrityException([new StoreFinding(StoreFinding.Layout, "no vote store: the file is missing or empty (it is made once, by seal)")]);
        if (macKey.Length < 32) throw new ArgumentException("the store MAC key is 32 bytes", nameof(macKey));
        _macKey = (byte[])macKey.Clone();
        _epoch = epoch;
        try { _file = SlotFile.Open(path, durable); }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw new StoreIntegrityException([new StoreFinding(StoreFinding.Layout, "not a SQLite database: " + e.Message)]);
        }
        try
        {
            if (_file.IsEmpty())
            {
                if (inspectOnly || mustExist) throw new StoreIntegrityException([new StoreFinding(StoreFinding.Layout, "the file holds no vote store (its tables are gone)")]);
                Create(_file, macKey, epoch.Read(), capacity);
            }
            Load();
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The offline check's opener (issue 10 point 5, `vmre-terminal verify-store`): verifies without
    /// writing anything — no epoch advanced, no pending increment completed — so checking a store
    /// does not change the evidence. Every change on it throws.
    /// </summary>
    public static VoteStore OpenToInspect(string path, byte[] macKey, IStoreEpoch epoch) =>
        new(path, macKey, epoch, DefaultCapacity, durable: true, inspectOnly: true);

    private readonly bool _inspectOnly;

    /// <summary>The terminal's opener at `run`: the store must exist (made by `seal`); a missing or emptied file is a finding, never a new store.</summary>
    public static VoteStore OpenExisting(string path, byte[] macKey, IStoreEpoch epoch) =>
        new(path, macKey, epoch, DefaultCapacity, durable: true, mustExist: true);

    /// <summary>The opener the contract names (issue 10 design): same as the constructor.</summary>
    public static VoteStore Open(string path, byte[] macKey, IStoreEpoch epoch, int capacity = DefaultCapacity) =>
        new(path, macKey, epoch, capacity);

    /// <summary>Findings of the last verification (sticky for this run); empty means the store verified whole.</summary>
    public IReadOnlyList<StoreFinding> Findings { get { lock (_gate) return [.. _findings]; } }

    /// <summary>Reads the whole file again and checks every slot, the header, the digest and the epoch (at start and at closing).</summary>
    public IReadOnlyList<StoreFinding> Verify()
    {
        lock (_gate)
        {
            var reading = StoreVerifier.Read(_file, _macKey, _epoch.Read(), _headerRow.Length > 0 ? _headerRow : null);
            foreach (var f in reading.Findings) if (!_findings.Contains(f)) _findings.Add(f);
            return [.. _findings];
        }
    }

    /// <summary>
    /// The epoch protocol: commit header epoch = counter + 1, then increment the TPM counter. A cut
    /// between the two leaves epoch = counter + 1, which the next start completes. Called at each
    /// start (by Open), at polls open and at polls close: 3 TPM NV writes on a day without restart, none
    /// per ballot (docs/formats/vote-store.md). Refused (false) on a store with findings:
    /// advancing would bind a rolled-back or altered file to the counter.
    /// </summary>
    public bool AdvanceEpoch()
    {
        lock (_gate)
        {
            if (_findings.Count > 0 || _inspectOnly) return false;
            AuthenticatedHeader();
            Commit(null, _header with { Epoch = _epoch.Read() + 1 });
            _epoch.Advance();
            return true;
        }
    }

    /// <summary>The epoch the header holds (equal to the TPM counter after an advance).</summary>
    public ulong Epoch { get { lock (_gate) return _header.Epoch; } }

    private static void Create(SlotFile file, byte[] macKey, ulong epoch, int capacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        var rows = Enumerable.Range(0, capacity).Select(i => SlotCodec.Encode(Slot.Free(i), macKey)).ToList();
        var digest = SlotDigest.OfRows(rows, macKey);
        file.Create(rows, HeaderCodec.Encode(new StoreHeader(capacity, epoch, digest, new Dictionary<string, long>()), macKey));
    }

    private void Load()
    {
        var counter = _epoch.Read();
        var reading = StoreVerifier.Read(_file, _macKey, counter, null);
        _findings = [.. reading.Findings];
        _slots = reading.Slots;
        _rows = reading.Rows;
        _header = reading.Header ?? _header;
        _headerRow = reading.HeaderRow ?? [];
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] is not { } s) continue;
            if (s.State == TestigoState.Free) _free.Add(i);
            else _byId[s.TestigoId] = i;
        }
        if (_findings.Count > 0 || _inspectOnly) return;
        if (_header.Epoch == counter + 1) _epoch.Advance(); // a cut fell between the header's commit and the increment
        AdvanceEpoch();
    }
}
