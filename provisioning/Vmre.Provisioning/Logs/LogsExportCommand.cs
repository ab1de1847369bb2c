using Vmre.Common.Logging;
using Vmre.Common.Logging.Nist;
using Vmre.Common.Serialization;
using Vmre.Provisioning.Cli;

namespace Vmre.Provisioning.Logs;

/// <summary>
/// `logs export`: the auditor's conversion of one device's events.jsonl into a NIST SP 1500-101
/// Election Event Log (brief rule 7; docs/formats/nist-event-log.md). The chain is verified
/// first; a log that does not verify is refused and nothing is written.
/// </summary>
public sealed class LogsExportCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "logs export",
        "Export a device's event log as NIST SP 1500-101 JSON.\nVerifies the hash chain first and refuses a log that does not verify, with the reason. "
        + "Device types are the schema's: " + DeviceTypes.Names + " (VMRE: module server dre-controller, terminal electronic-cast-paper).",
        [
            OptionSpec.Need("--log", "the device's event log (events.jsonl)"),
            OptionSpec.Need("--device", "the device id written in the log (module id, terminal id)"),
            OptionSpec.Need("--device-type", "NIST SP 1500-101 DeviceType, e.g. dre-controller, electronic-cast-paper, other"),
            OptionSpec.May("--other-type", "what the device is, when --device-type is other"),
            OptionSpec.May("--election", "election id for ElectionId, e.g. PEL-2022-2023-VMRE"),
            OptionSpec.Need("--out", "the JSON file to write"),
        ],
        Example: "vmre-provision logs export --log chi/events.jsonl --device MRV-CHI --device-type dre-controller --out MRV-CHI.nist.json");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var log = args.Value("--log");
        var device = args.Value("--device");
        var type = args.Value("--device-type");
        var chain = EventLogVerifier.VerifyFile(log);
        if (!chain.IsOk) return Refusal.Write(error, $"{log}: event log does not verify: {chain.Error}");
        var json = NistExport.ExportFile(log, device, type, args.Optional("--other-type"), args.Optional("--election"));
        if (!json.IsOk) return Refusal.Write(error, $"{log}: {json.Error}");
        var outPath = args.Value("--out");
        AtomicFile.WriteText(outPath, json.Value! + "\n");
        output.WriteLine($"wrote {outPath}: NIST SP 1500-101 event log for {device} ({type}), {chain.Value!.Count} events");
        output.WriteLine($"chain verified, head {chain.Value.Head}");
        return ExitCode.Ok;
    }
}
