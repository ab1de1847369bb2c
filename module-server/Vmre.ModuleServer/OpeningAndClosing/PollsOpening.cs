using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Terminals;

namespace Vmre.ModuleServer.OpeningAndClosing;

/// <summary>
/// Opening (brief section 2.2): every paired terminal must answer this command with a zero
/// report signed by its own key, all counters zero and no failed self-test.
/// </summary>
public sealed class PollsOpening(ModuleConfig config, TerminalClient client, ReplyChecks checks, ReceivedDocuments store, EventLog log)
{
    public async Task<IReadOnlyList<TerminalOpening>> CollectZeroReports(Actor actor, CancellationToken cancel)
    {
        var answers = await Task.WhenAll(config.Terminals.Select(async t =>
        {
            log.Append("zero-report-requested", actor, new() { ["terminal"] = t.TerminalId });
            var reply = await client.Send(t.TerminalId, ModuleCommandKind.ZeroReport, cancel);
            var report = checks.ZeroReport(t.TerminalId, reply);
            if (!report.IsOk)
            {
                log.Append("zero-report-refused", actor, new() { ["terminal"] = t.TerminalId, ["reason"] = report.Error! });
                return new TerminalOpening(t.TerminalId, false, report.Error);
            }
            store.Save(ReceivedDocuments.ZeroReports, t.TerminalId, reply.Document!);
            log.Append("zero-report-accepted", actor, new()
            {
                ["terminal"] = t.TerminalId,
                ["softwareHash"] = report.Value!.SoftwareHash,
                ["terminalUtc"] = report.Value.Utc,
            });
            return new TerminalOpening(t.TerminalId, true, null);
        }));
        return answers;
    }
}
