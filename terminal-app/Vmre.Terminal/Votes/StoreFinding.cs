namespace Vmre.Terminal.Votes;

/// <summary>
/// Something the store's verification found wrong (issue 10 point 2). The codes are stable strings
/// (docs/formats/vote-store.md); the detail names the slot or field, never a selection (rules.md R3).
/// </summary>
public sealed record StoreFinding(string Code, string Detail)
{
    /// <summary>A slot row whose MAC fails or whose bytes are out of shape (a state rewritten, a slot zeroed).</summary>
    public const string RowAltered = "row-altered";
    /// <summary>A valid row of one slot found in another (copied or moved).</summary>
    public const string RowMoved = "row-moved";
    /// <summary>The rows do not hash to the header's digest: a row deleted, added, duplicated, or an older version restored.</summary>
    public const string DigestMismatch = "digest-mismatch";
    /// <summary>The header's MAC fails (a counter, the epoch or the digest changed).</summary>
    public const string HeaderAltered = "header-altered";
    /// <summary>An older copy of the file: its epoch is behind the TPM counter, or its header is not the last one this terminal wrote.</summary>
    public const string Rollback = "rollback";
    /// <summary>The file's epoch is more than one ahead of the TPM counter (not a file this TPM kept).</summary>
    public const string EpochAhead = "epoch-ahead";
    /// <summary>Not a vmre-vote-store/1 file: tables, sizes or the header's shape are wrong.</summary>
    public const string Layout = "layout";

    public override string ToString() => $"{Code}: {Detail}";
}
