namespace Vmre.Common.Protocol;

/// <summary>The module's polls state (VxSuite-style): not yet open → open → closed (final).</summary>
public enum PollsState { NotOpen, Open, Closed }

public sealed record TerminalOpening(string TerminalId, bool ZeroReportOk, string? Reason);

public sealed record PollsOpenResponse(PollsState State, IReadOnlyList<TerminalOpening> Terminals);

public sealed record TerminalClosing(string TerminalId, bool RecordOk, string? Reason);

public sealed record PollsCloseResponse(PollsState State, IReadOnlyList<TerminalClosing> Terminals, bool Reconciled, IReadOnlyList<string> Discrepancies);

/// <summary>For the desk screen: throughput and the queue so officials can act (rules.md R10).</summary>
public sealed record ModuleStatus(
    string ModuleId, PollsState State, int VotersInSlice, int CheckedIn,
    int ActivationsIssued, int ActivationsRedeemed, int ActivationsPending, double CheckInsLastHour,
    int ActivationsReissued = 0);
