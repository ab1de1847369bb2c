using Vmre.Common.Logging;
using Vmre.Provisioning.Cli;

namespace Vmre.Provisioning.Logs;

/// <summary>`logs verify`: re-check a device's hash-chained event log (brief section 2.6, rule 7).</summary>
public sealed class LogsVerifyCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "logs verify",
        "Verify a device's hash-chained event log.\nChecks every line's sequence, link to the previous line and hash (docs/formats/event-log.md). "
        + "Prints OK with the entry count and head hash, or FAIL with the first broken line and why; exits 1 on failure.",
        [OptionSpec.Need("--log", "the device's event log (events.jsonl)")],
        Example: "vmre-provision logs verify --log chi/events.jsonl");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var log = args.Value("--log");
        var chain = EventLogVerifier.VerifyFile(log);
        if (!chain.IsOk)
        {
            output.WriteLine($"FAIL {log}: {chain.Error}");
            return Refusal.Write(error, $"{log}: event log does not verify: {chain.Error}");
        }
        output.WriteLine($"OK   {log}: {chain.Value!.Count} entries, hash chain verifies, head {chain.Value.Head}");
        return ExitCode.Ok;
    }
}
