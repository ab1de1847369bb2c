using Vmre.Terminal.Votes.Slots;

namespace Vmre.Terminal.Votes;

/// <summary>How a change is checked against the authenticated file and committed (issue 10 point 2).</summary>
public sealed partial class VoteStore
{
    private void EnsureWhole()
    {
        if (_findings.Count > 0) throw new StoreIntegrityException([.. _findings]);
    }

    /// <summary>The slot as this terminal last wrote it, after checking the row on disk still is that row.</summary>
    private Slot Authenticated(int index)
    {
        AuthenticatedHeader();
        var row = _file.ReadSlot(index);
        if (row is null) throw Integrity(new(StoreFinding.DigestMismatch, $"slot {index} is missing"));
        if (!row.AsSpan().SequenceEqual(_rows[index]))
        {
            var (_, finding) = SlotCodec.Decode(index, row, _macKey);
            throw Integrity(finding is null
                ? new(StoreFinding.DigestMismatch, $"slot {index} holds a valid row that is not the one this terminal last wrote")
                : new(finding, $"slot {index}'s row does not verify"));
        }
        return _slots[index] ?? throw Integrity(new(StoreFinding.RowAltered, $"slot {index}'s row does not verify"));
    }

    private void AuthenticatedHeader()
    {
        var rows = _file.ReadHeaders();
        if (rows.Count != 1) throw Integrity(new(StoreFinding.Layout, $"{rows.Count} header rows, not 1"));
        if (rows[0].AsSpan().SequenceEqual(_headerRow)) return;
        var (header, finding) = HeaderCodec.Decode(rows[0], _macKey);
        throw Integrity(header is null
            ? new(finding!, "the header does not verify")
            : new(StoreFinding.Rollback, "the header on disk is not the last one this terminal wrote"));
    }

    private StoreIntegrityException Integrity(StoreFinding finding)
    {
        if (!_findings.Contains(finding)) _findings.Add(finding);
        return new StoreIntegrityException([.. _findings]);
    }

    /// <summary>Writes the slot (if any) and the header with the new digest in one transaction, then updates the checked copy in memory.</summary>
    private void Commit(Slot? slot, StoreHeader header)
    {
        if (_inspectOnly) throw new InvalidOperationException("the vote store was opened to inspect only (verify-store): it takes no change");
        byte[]? row = slot is null ? null : SlotCodec.Encode(slot, _macKey);
        var next = header with { Digest = SlotDigest.OfRows(_rows, _macKey, slot?.Index, row) };
        var headerRow = HeaderCodec.Encode(next, _macKey);
        _file.Write(slot?.Index, row, headerRow, BeforeCommit);
        if (slot is not null)
        {
            _rows[slot.Index] = row!;
            _slots[slot.Index] = slot;
            if (slot.State != TestigoState.Free) _byId[slot.TestigoId] = slot.Index;
        }
        _header = next;
        _headerRow = headerRow;
    }
}
