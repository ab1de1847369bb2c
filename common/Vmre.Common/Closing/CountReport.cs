namespace Vmre.Common.Closing;

/// <summary>
/// A terminal's counters as it tells them to its module server during the day (issue 10 point 3,
/// docs/formats/count-report.md): after every 8th ended session, after restart recovery and at
/// polls close — never per session, so the server cannot tie an outcome to the voter it just
/// checked in (rules.md R3). Counts only. <see cref="Sequence"/> rises strictly within one run
/// of the terminal (one LAN leaf); <see cref="StoreEpoch"/> is the vote store's epoch (0 when
/// not known). Signed with the run's LAN leaf key, the leaf attached (<see cref="SignedCountReport"/>).
/// </summary>
public sealed record CountReport(
    string Format, string TerminalId, string ModuleId, string PackageHash, long Sequence,
    int Sealed, int SessionsWithoutVote, int ActivationsRedeemed, ulong StoreEpoch = 0)
{
    public const string FormatV1 = "vmre-count-report/1";

    /// <summary>Sessions that ended, with or without a vote: what the cadence counts.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int SessionsEnded => Sealed + SessionsWithoutVote;
}
