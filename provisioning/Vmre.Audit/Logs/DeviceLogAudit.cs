using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Audit.Logs;

/// <summary>
/// The auditor's checks of a device's event log (rules.md R5 and R7; docs/formats/event-log.md):
/// the hash chain verifies, and the device's seal is signed by that device's key from the signed
/// module config and covers a prefix of the log up to the sealed head. Used by the simulator's
/// demo folder and the tests (issue 7, point 6).
/// </summary>
public static class DeviceLogAudit
{
    public static LogCheck Chain(string logPath)
    {
        var chain = EventLogVerifier.VerifyFile(logPath);
        return new LogCheck(chain.IsOk, chain.IsOk ? $"{chain.Value!.Count} entries, hash chain verifies" : chain.Error!);
    }

    public static LogCheck Seal(string logPath, string sealPath, PublicKey deviceKey)
    {
        var check = LogSealVerifier.Verify(logPath, sealPath, deviceKey);
        return new LogCheck(check.IsOk, check.IsOk
            ? $"signed by key {deviceKey.KeyId}, seals {check.Value!.SealedEntries} entries up to the sealed head, {check.Value.EntriesAfter} entries after the seal"
            : check.Error!);
    }

    /// <summary>Each device's public key by device id (terminals and the module server), from a verified module config.</summary>
    public static Dictionary<string, PublicKey> DeviceKeys(ModuleConfig config)
    {
        var keys = config.Terminals.ToDictionary(t => t.TerminalId, t => PublicKey.FromPem(t.PublicKeyPem), StringComparer.Ordinal);
        keys[config.ModuleId] = PublicKey.FromPem(config.ServerPublicKeyPem);
        return keys;
    }

    /// <summary>The device keys from the signed module config file, opened with the authority key (rules.md R5: verify before use).</summary>
    public static Parsed<Dictionary<string, PublicKey>> DeviceKeys(string moduleConfigPath, PublicKey authority) =>
        SignedDocument.ReadFile(moduleConfigPath)
            .Then(d => d.Open<ModuleConfig>(DocumentKinds.ModuleConfig, authority))
            .Then(c => Parsed<Dictionary<string, PublicKey>>.Ok(DeviceKeys(c)));
}
