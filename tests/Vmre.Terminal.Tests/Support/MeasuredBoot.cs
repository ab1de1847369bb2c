using Vmre.Common.Measurement;
using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Tpm;
using Vmre.Terminal.Setup;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// Issue 10 point 1 for the test harnesses: what the technician does once (a manifest of the
/// measurements, signed by the test election's authority, then the terminal seals its secrets to it)
/// and what the boot chain does at every start (a TPM power cycle, then the measured start extending
/// PCR 13). In-process terminals measure a small stand-in program folder (the test bin folder holds
/// Chromium's drivers: hashing it at every start would be slow and meaningless); child-process
/// terminals measure the real one through the real launcher (<see cref="TerminalProcess"/>).
/// </summary>
public static class MeasuredBoot
{
    /// <summary>
    /// After provisioning and installing the election: the signed manifest of
    /// <paramref name="programDir"/> and the data folder, written into it, and the master secret sealed to it.
    /// </summary>
    public static void Seal(TestElection election, string programDir, string dataDir, string tcti)
    {
        var manifest = MeasurementManifest.For(TestElection.TerminalId, MeasurementList.Of(programDir, dataDir));
        MeasurementManifest.Sign(manifest, election.Authority).WriteFile(Path.Combine(dataDir, MeasurementManifest.FileName));
        using var tpm = new FapiTpm(FapiConfig.In(dataDir, tcti));
        var sealedTo = TerminalSealing.Seal(dataDir, tpm);
        if (!sealedTo.IsOk) throw new InvalidOperationException("the test terminal could not seal: " + sealedTo.Error);
    }

    /// <summary>
    /// A power-on: swtpm power-cycled (<see cref="SwtpmInstance.PowerCycle"/>: PCR 13 back to zero,
    /// state and port kept), then the measured start in this process.
    /// </summary>
    public static void PowerOn(SwtpmInstance swtpm, string programDir, string dataDir)
    {
        swtpm.PowerCycle();
        using var tpm = new FapiTpm(FapiConfig.In(dataDir, swtpm.Tcti));
        Vmre.Devices.Tpm.MeasuredStart.Run(tpm, programDir, dataDir);
    }

    /// <summary>
    /// A stand-in program folder for an in-process terminal: a copy of the terminal's assembly, the
    /// code that in fact runs. Made under <paramref name="dir"/>; returns its path.
    /// </summary>
    public static string StandInProgram(string dir)
    {
        var program = Directory.CreateDirectory(dir).FullName;
        var assembly = typeof(TerminalHost).Assembly.Location;
        File.Copy(assembly, Path.Combine(program, Path.GetFileName(assembly)), overwrite: true);
        return program;
    }
}
