using Vmre.Cli;
using Vmre.Devices.Tpm;
using Vmre.Terminal.Tpm;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Setup;

/// <summary>
/// `vmre-terminal verify-store --data DIR --tcti T` (issue 10 point 5): the offline check of a
/// terminal's vote store, started like `run` through the measured start (vmre-launch), so only the
/// genuine program in the measured state gets the store's MAC key and epoch counter. It unseals as
/// `run` does (closing PCR 13 behind it), opens a private copy of the store to inspect only — every
/// slot, the header, the digest and the epoch verified, nothing written, no epoch advanced — and
/// prints each finding on its own line. Exit 0 whole, 3 not whole, 1 refused (could not check).
/// Nothing it prints depends on a vote's content or on cast order (rules.md R3).
/// </summary>
public static class VerifyStore
{
    /// <summary>The store was read and is not whole: one line per finding on stdout.</summary>
    public const int NotWhole = 3;

    public const string StoreFile = "votes.db";

    public static int Run(TerminalOptions options, TextWriter output, TextWriter error)
    {
        var path = Path.Combine(options.DataDir, StoreFile);
        if (!File.Exists(path)) return Refusal.Write(error, $"no vote store at {path}");
        try
        {
            using var tpm = new FapiTpm(FapiConfig.In(options.DataDir, options.Tcti));
            var manifest = TerminalSealing.LoadManifest(options.DataDir);
            if (!manifest.IsOk) return Refusal.Write(error, manifest.Error!);
            var secrets = MeasuredUnseal.Run(tpm, manifest.Value!, options.DataDir);
            if (!secrets.IsOk) return Refusal.Write(error, "the store's keys were not released: " + secrets.Error);
            IReadOnlyList<StoreFinding> findings;
            // The evidence is never touched: SQLite would roll a hot journal back into the file and the
            // opener sets its mode, so the check reads a private copy of the file and its journal.
            var copy = Directory.CreateTempSubdirectory("vmre-verify-store-");
            try
            {
                var copied = Path.Combine(copy.FullName, StoreFile);
                File.Copy(path, copied);
                if (File.Exists(path + "-journal")) File.Copy(path + "-journal", copied + "-journal");
                using var store = VoteStore.OpenToInspect(copied, secrets.Value!.StoreMacKey, new TpmStoreEpoch(tpm, secrets.Value));
                findings = store.Verify();
            }
            catch (StoreIntegrityException e) { findings = e.Findings; }
            finally { copy.Delete(recursive: true); }
            return Report(path, findings, output, error);
        }
        catch (Exception e) when (e is TpmError or IOException or UnauthorizedAccessException)
        {
            return Refusal.Write(error, e.Message);
        }
    }

    private static int Report(string path, IReadOnlyList<StoreFinding> findings, TextWriter output, TextWriter error)
    {
        if (findings.Count == 0)
        {
            output.WriteLine($"store whole: {path} (every slot, the header, the digest and the epoch verified)");
            return ExitCode.Ok;
        }
        foreach (var finding in findings) output.WriteLine($"finding {finding.Code}: {finding.Detail}");
        error.WriteLine($"store NOT whole: {path}: {findings.Count} finding(s): {string.Join(", ", findings.Select(f => f.Code).Distinct())}");
        return NotWhole;
    }
}
