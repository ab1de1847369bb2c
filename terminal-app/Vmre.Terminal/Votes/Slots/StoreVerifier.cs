namespace Vmre.Terminal.Votes.Slots;

/// <summary>
/// Reads the whole file and checks it against the store MAC key and the TPM epoch (issue 10 point 2):
/// every slot's MAC and index, the header's MAC, the digest of all slots, the epoch protocol, and that
/// the header is the last one this terminal wrote. Findings are values; the caller decides to refuse.
/// </summary>
internal static class StoreVerifier
{
    public static StoreReading Read(SlotFile file, byte[] macKey, ulong epochCounter, byte[]? lastHeaderWritten)
    {
        var findings = new List<StoreFinding>();
        if (!file.HasTables()) return new([], [], null, null, [new(StoreFinding.Layout, "the file has no vote store tables")]);
        var headers = file.ReadHeaders();
        if (headers.Count != 1)
            return new([], [], null, null, [new(StoreFinding.Layout, $"{headers.Count} header rows, not 1")]);
        var (header, headerFinding) = HeaderCodec.Decode(headers[0], macKey);
        if (header is null)
        {
            findings.Add(new(headerFinding!, headerFinding == StoreFinding.Layout ? "the header is not vmre-vote-store/1" : "the header's MAC does not verify"));
            if (headerFinding == StoreFinding.Layout) return new([], [], null, null, findings);
        }
        var capacity = header?.Capacity ?? file.ReadSlots().Count;
        var slots = new Slot?[capacity];
        var rows = new byte[capacity][];
        var present = new bool[capacity];
        foreach (var (index, row) in file.ReadSlots())
        {
            if (index < 0 || index >= capacity || present[index])
            {
                findings.Add(new(StoreFinding.DigestMismatch, $"slot {index} is not one of the {capacity} slots made at creation"));
                continue;
            }
            present[index] = true;
            rows[index] = row;
            var (slot, finding) = SlotCodec.Decode((int)index, row, macKey);
            if (slot is null) findings.Add(new(finding!, finding == StoreFinding.RowMoved
                ? $"slot {index} holds a valid row of another slot" : $"slot {index}'s row does not verify"));
            slots[index] = slot;
        }
        for (var i = 0; i < capacity; i++)
            if (!present[i]) { findings.Add(new(StoreFinding.DigestMismatch, $"slot {i} is missing")); rows[i] = new byte[SlotCodec.Length]; }
        foreach (var dup in slots.Where(s => s is { State: not TestigoState.Free }).GroupBy(s => s!.TestigoId).Where(g => g.Count() > 1))
            findings.Add(new(StoreFinding.DigestMismatch, $"{dup.Count()} slots hold the same testigo"));
        if (header is not null)
        {
            if (header.Capacity != capacity) findings.Add(new(StoreFinding.Layout, "slot count differs from the header"));
            var digest = SlotDigest.Of(rows.Select(r => r.Length == SlotCodec.Length ? SlotCodec.MacOf(r).ToArray() : new byte[32]).ToList(), macKey);
            if (!digest.AsSpan().SequenceEqual(header.Digest))
                findings.Add(new(StoreFinding.DigestMismatch, "the slots do not match the header's digest (a row deleted, added, duplicated, re-stated or restored)"));
            if (header.Epoch < epochCounter)
                findings.Add(new(StoreFinding.Rollback, $"file epoch {header.Epoch} is behind the TPM counter {epochCounter}: an older copy of the store"));
            else if (header.Epoch > epochCounter + 1)
                findings.Add(new(StoreFinding.EpochAhead, $"file epoch {header.Epoch} is ahead of the TPM counter {epochCounter}"));
            else if (lastHeaderWritten is not null && !lastHeaderWritten.AsSpan().SequenceEqual(headers[0]))
                findings.Add(new(StoreFinding.Rollback, "the header on disk is not the last one this terminal wrote"));
        }
        return new(slots, rows, header, headers[0], findings);
    }
}
