using System.CommandLine;
using Vmre.Cli;
using Vmre.Common.Logging;

namespace Vmre.Provisioning.Logs;

/// <summary>`logs verify`: re-check a device's hash-chained event log (brief section 2.6, rules.md R7).</summary>
public sealed class LogsVerifyCommand : ICommand
{
    private readonly Option<string> _log = new("--log") { Description = "the device's event log (events.jsonl)", Required = true };

    public string Name => "logs verify";

    public string Description =>
        "Verify a device's hash-chained event log.\nChecks every line's sequence, link to the previous line and hash (docs/formats/event-log.md). "
        + "Prints OK with the entry count and head hash, or FAIL with the first broken line and why; exits 1 on failure.\n"
        + "example: vmre-provision logs verify --log chi/events.jsonl";

    public IEnumerable<Symbol> Symbols => [_log];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var log = parsed.GetRequiredValue(_log);
        if (InputFile.Problem(log, "event log") is { } problem) return Refusal.Write(error, problem);
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
