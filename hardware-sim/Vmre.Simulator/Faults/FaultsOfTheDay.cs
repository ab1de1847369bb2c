using Vmre.Simulator.Election;

namespace Vmre.Simulator.Faults;

/// <summary>
/// The faults of issue 3 on the simulated election day, each on real parts and each checked as an
/// official or auditor would: a jam mid-testigo (FaultsOfTheDay.Jam), a testigo the voter rejects
/// (.Reject), a power cut before the voter accepted (.PowerCut), the cover opened at an idle
/// terminal (.Cover). Officials clear them with their card on the terminal's reader and their PIN.
/// </summary>
public sealed partial class FaultsOfTheDay(ModuleRig rig, Findings findings, Action<string> say)
{
    private static readonly TimeSpan PaperWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan WiringWait = TimeSpan.FromSeconds(10);

    private static bool Mentions(IEnumerable<string>? alerts, string words) =>
        alerts?.Any(a => a.Contains(words, StringComparison.OrdinalIgnoreCase)) == true;
}
