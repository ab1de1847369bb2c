using Vmre.Common.Closing;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Counts;

/// <summary>
/// Tells the module server this terminal's counters (issue 10 point 3, docs/formats/count-report.md):
/// after every <see cref="Every"/>th ended session (sealed or not) — never per session, so the
/// server cannot tie an outcome to the voter it just checked in (rules.md R3) — after restart
/// recovery, and at polls close before the closing record is signed. Cadence reports go out on a
/// pool thread and never hold a voter (rules.md R10); one that fails is logged and the next
/// cadence point sends fresh counts (a retry in between would again be per session). Reports go
/// out one at a time, in sequence order. Logged: sent or not, the sequence, never the counts.
/// </summary>
public sealed class CountReporter(
    string terminalId, string moduleId, string packageHash, LeafKeySigner leaf, ModuleServerClient server, EventLog log,
    Func<ulong>? storeEpoch = null)
{
    /// <summary>Sessions ended between two cadence reports (issue 10 design: every 8th).</summary>
    public const int Every = 8;

    private readonly object _sending = new();
    private long _sequence;
    private int _lastPoint = -1;
    private Task _pending = Task.CompletedTask;

    /// <summary>
    /// After a session ended (the booth calls it, under its lock, with its totals): reports when the
    /// count of ended sessions reached another multiple of <see cref="Every"/>; sends in the background.
    /// </summary>
    public void SessionEnded(VoteTotals totals)
    {
        var point = (totals.VotesSealed + totals.SessionsWithoutVote) / Every;
        lock (_sending)
        {
            if (_lastPoint < 0) _lastPoint = point; // no report yet this run: count from here
            if (point <= _lastPoint) return;
            _lastPoint = point;
            _pending = _pending.ContinueWith(_ => Send(totals, "cadence"), TaskScheduler.Default);
        }
    }

    /// <summary>After restart recovery, before the first voter: in the background.</summary>
    public void AfterRecovery(VoteTotals totals)
    {
        lock (_sending)
        {
            _lastPoint = (totals.VotesSealed + totals.SessionsWithoutVote) / Every;
            _pending = _pending.ContinueWith(_ => Send(totals, "restart"), TaskScheduler.Default);
        }
    }

    /// <summary>At polls close, before the closing record is signed: waits for it (and any report still in flight).</summary>
    public bool AtPollsClose(VoteTotals totals)
    {
        Task<bool> close;
        lock (_sending)
        {
            close = _pending.ContinueWith(_ => Send(totals, "close"), TaskScheduler.Default);
            _pending = close;
        }
        return close.GetAwaiter().GetResult();
    }

    /// <summary>Every report queued so far has been sent or has failed (for tests and for a clean stop).</summary>
    public Task Idle()
    {
        lock (_sending) return _pending;
    }

    private bool Send(VoteTotals totals, string when)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var report = new CountReport(CountReport.FormatV1, terminalId, moduleId, packageHash, sequence,
            totals.VotesSealed, totals.SessionsWithoutVote, totals.ActivationsRedeemed, storeEpoch?.Invoke() ?? 0);
        var signed = new SignedCountReport(SignedDocument.Create(DocumentKinds.CountReport, report, leaf), leaf.Certificate);
        string? failure;
        try
        {
            var answer = server.ReportCounts(signed);
            failure = answer.IsOk ? null : answer.Error;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
        {
            failure = e.GetType().Name + ": " + e.Message;
        }
        var fields = new Dictionary<string, string> { ["sequence"] = sequence.ToString(), ["when"] = when };
        if (failure is not null) fields["reason"] = failure;
        try { log.Append(failure is null ? "count-report-sent" : "count-report-not-sent", null, fields); }
        catch (ObjectDisposedException) { /* the terminal stopped while the report was in flight */ }
        return failure is null;
    }
}
