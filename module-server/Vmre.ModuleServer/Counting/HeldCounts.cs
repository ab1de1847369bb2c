namespace Vmre.ModuleServer.Counting;

/// <summary>
/// What the server holds of one terminal's count reports (issue 10 point 3): the newest report
/// of its newest run (<see cref="Run"/> = the leaf certificate's hash, <see cref="Sequence"/>),
/// the maxima ever reported (counters never go down, so a replayed or older report cannot lower
/// them), whether the newest came while the server's polls were already closed (the report at
/// polls close), and whether a report named an older store epoch than one seen before.
/// </summary>
public sealed record HeldCounts(
    string Run, long Sequence, ulong StoreEpoch, int Sealed, int SessionsWithoutVote, int ActivationsRedeemed,
    int MaxSealed, int MaxSessionsWithoutVote, int MaxActivationsRedeemed, ulong MaxStoreEpoch, bool EpochWentBack, bool AtClose);
