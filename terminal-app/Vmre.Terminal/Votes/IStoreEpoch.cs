namespace Vmre.Terminal.Votes;
/// <summary>The TPM's monotonic epoch counter the store is bound to (issue 10 point 2: rollback of a whole file).</summary>
public interface IStoreEpoch { ulong Read(); void Advance(); }
