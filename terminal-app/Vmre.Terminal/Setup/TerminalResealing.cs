using Vmre.Common.Measurement;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;
using Vmre.Terminal.Tpm;

namespace Vmre.Terminal.Setup;

/// <summary>
/// `vmre-terminal reseal --manifest NEW` (issue 10 point 1: a legitimate update), run through the
/// measured start of the current, genuine terminal: the master is unsealed in the measured state
/// (and PCR 13 closed at once), the new manifest is verified against the authority key, and the
/// same master is sealed to its expected PCR. The new program and configuration are installed
/// afterwards; the next measured start then unseals under the new manifest.
/// </summary>
/// <remarks>
/// Crash-safe order: seal to the next path; install the new manifest (atomic rename: the commit
/// point); replace the usual path; delete the next path. Before the commit the old manifest and
/// master stand; after it, the start unseals from whichever path holds the new sealing
/// (<see cref="MeasuredUnseal.UnsealMaster"/>). The master never changes, so votes stay readable.
/// </remarks>
public static class TerminalResealing
{
    public static Parsed<MeasurementManifest> Reseal(string dataDir, IDeviceTpm tpm, string newManifestPath)
    {
        var current = TerminalSealing.LoadManifest(dataDir);
        if (!current.IsOk) return current;
        var authority = PublicKey.FromPem(File.ReadAllText(Path.Combine(dataDir, InstalledElection.AuthorityKeyFile)));
        if (!File.Exists(newManifestPath)) return Parsed<MeasurementManifest>.Fail($"no new manifest at {newManifestPath}");
        var bytes = File.ReadAllBytes(newManifestPath);
        var next = SignedDocument.ParseEnvelope(bytes).Then(d => MeasurementManifest.Open(d, authority));
        if (!next.IsOk) return Parsed<MeasurementManifest>.Fail("new measurement manifest: " + next.Error);
        if (next.Value!.TerminalId != current.Value!.TerminalId)
            return Parsed<MeasurementManifest>.Fail($"the new measurement manifest is for terminal {next.Value.TerminalId}, this is {current.Value.TerminalId}");

        var master = MeasuredUnseal.UnsealMaster(tpm, current.Value, dataDir);
        if (!master.IsOk) return Parsed<MeasurementManifest>.Fail("reseal must run through the measured start of the current terminal: " + master.Error);
        try
        {
            if (MeasuredUnseal.ClosePcr(tpm) is { } refused) return Parsed<MeasurementManifest>.Fail(refused);
            var expected = next.Value.ExpectedPcrBytes();
            DeleteIfThere(tpm, TerminalSecrets.NextMasterPath);
            tpm.SealToPcr(TerminalSecrets.NextMasterPath, master.Value!, MeasurementList.Pcr, expected);
            AtomicFile.Write(Path.Combine(dataDir, MeasurementManifest.FileName), bytes); // the commit point
            DeleteIfThere(tpm, TerminalSecrets.MasterPath);
            tpm.SealToPcr(TerminalSecrets.MasterPath, master.Value!, MeasurementList.Pcr, expected);
            DeleteIfThere(tpm, TerminalSecrets.NextMasterPath);
        }
        finally { Array.Clear(master.Value!); }
        return next;
    }

    private static void DeleteIfThere(IDeviceTpm tpm, string path)
    {
        try { tpm.Delete(path); }
        catch (TpmError) { /* not there */ }
    }
}
