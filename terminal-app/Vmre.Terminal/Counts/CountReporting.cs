using Vmre.Common.Protocol;
using Vmre.Terminal.Hosting;
using Vmre.Terminal.Session;

namespace Vmre.Terminal.Counts;

/// <summary>
/// The host's wiring of the count reporter in one call (issue 10 point 3): signed with this run's
/// LAN leaf, sent over the same mutual-TLS client as redemptions, its cadence fed by the booth's
/// ended sessions. The store epoch (issue 10 point 2) is passed by the host once the vault has one.
/// </summary>
public static class CountReporting
{
    public static CountReporter For(TerminalParts parts, HttpClient serverHttp, VotingBooth booth, Func<ulong>? storeEpoch = null)
    {
        var reporter = new CountReporter(parts.Identity.TerminalId, parts.Election.Module.ModuleId, parts.Election.PackageHash,
            new LeafKeySigner(parts.LanIdentity.Certificate), new ModuleServerClient(serverHttp), parts.Log, storeEpoch);
        booth.SessionEnded += reporter.SessionEnded;
        return reporter;
    }
}
