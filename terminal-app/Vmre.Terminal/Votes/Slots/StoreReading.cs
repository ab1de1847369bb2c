namespace Vmre.Terminal.Votes.Slots;

/// <summary>What a verification read from the file: each slot that decoded (null where a finding was), its raw row, the header, and the findings.</summary>
internal sealed record StoreReading(Slot?[] Slots, byte[][] Rows, StoreHeader? Header, byte[]? HeaderRow, IReadOnlyList<StoreFinding> Findings);
