using Vmre.Common.Logging;
using Vmre.Common.Logging.Nist;
using Vmre.Common.Serialization;
using System.CommandLine;
using Vmre.Cli;

namespace Vmre.Provisioning.Logs;

/// <summary>
/// `logs export`: the auditor's conversion of one device's events.jsonl into a NIST SP 1500-101
/// Election Event Log (rules.md R7; docs/formats/nist-event-log.md). The chain is verified
/// first; a log that does not verify is refused and nothing is written.
/// </summary>
public sealed class LogsExportCommand : ICommand
{
    private readonly Option<string> _log = new("--log") { Description = "the device's event log (events.jsonl)", Required = true };
    private readonly Option<string> _device = new("--device") { Description = "the device id written in the log (module id, terminal id)", Required = true };
    private readonly Option<string> _deviceType = new("--device-type") { Description = "NIST SP 1500-101 DeviceType, e.g. dre-controller, electronic-cast-paper, other", Required = true };
    private readonly Option<string> _otherType = new("--other-type") { Description = "what the device is, when --device-type is other" };
    private readonly Option<string> _election = new("--election") { Description = "election id for ElectionId, e.g. PEL-2022-2023-VMRE" };
    private readonly Option<string> _out = new("--out") { Description = "the JSON file to write", Required = true };

    public string Name => "logs export";

    public string Description =>
        "Export a device's event log as NIST SP 1500-101 JSON.\nVerifies the hash chain first and refuses a log that does not verify, with the reason. "
        + "Device types are the schema's: " + DeviceTypes.Names + " (VMRE: module server dre-controller, terminal electronic-cast-paper).\n"
        + "example: vmre-provision logs export --log chi/events.jsonl --device MRV-CHI --device-type dre-controller --out MRV-CHI.nist.json";

    public IEnumerable<Symbol> Symbols => [_log, _device, _deviceType, _otherType, _election, _out];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var log = parsed.GetRequiredValue(_log);
        var device = parsed.GetRequiredValue(_device);
        var type = parsed.GetRequiredValue(_deviceType);
        if (InputFile.Problem(log, "event log") is { } problem) return Refusal.Write(error, problem);
        var chain = EventLogVerifier.VerifyFile(log);
        if (!chain.IsOk) return Refusal.Write(error, $"{log}: event log does not verify: {chain.Error}");
        var json = NistExport.ExportFile(log, device, type, parsed.GetValue(_otherType), parsed.GetValue(_election));
        if (!json.IsOk) return Refusal.Write(error, $"{log}: {json.Error}");
        var outPath = parsed.GetRequiredValue(_out);
        AtomicFile.WriteText(outPath, json.Value! + "\n");
        output.WriteLine($"wrote {outPath}: NIST SP 1500-101 event log for {device} ({type}), {chain.Value!.Count} events");
        output.WriteLine($"chain verified, head {chain.Value.Head}");
        return ExitCode.Ok;
    }
}
