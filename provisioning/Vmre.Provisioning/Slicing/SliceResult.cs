using Vmre.Common.Lnere;

namespace Vmre.Provisioning.Slicing;

/// <summary>A cut slice with how many LNERE rows it came from and how many people were blocked for each reason.</summary>
public sealed record SliceResult(LnereSlice Slice, int RowsRead, IReadOnlyDictionary<BlockReason, int> PeopleBlocked);
