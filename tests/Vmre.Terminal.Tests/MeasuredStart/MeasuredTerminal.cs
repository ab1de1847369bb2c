using Vmre.Common.Measurement;
using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Tpm;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.MeasuredStart;

/// <summary>
/// A terminal made ready for a measured start as a technician does it (issue 10 point 1), on a
/// real swtpm: provisioned, election installed, its program folder copied from the terminal's
/// own build, an authority-signed manifest of its measurements installed, sealed, and the TPM
/// power-cycled so PCR 13 starts from zero.
/// </summary>
public sealed class MeasuredTerminal : IDisposable
{
    private readonly TempDir _dir = new();

    public MeasuredTerminal()
    {
        Swtpm = SwtpmInstance.Start(_dir.Sub("swtpm"));
        DataDir = Directory.CreateDirectory(_dir.Sub("terminal")).FullName;
        ProgramDir = _dir.Sub("program");
        Copy(TerminalBuild(), ProgramDir);
        using (var tpm = new FapiTpm(FapiConfig.In(DataDir, Swtpm.Tcti)))
        {
            PublicKeyPem = TerminalProvisioning.Provision(DataDir, TestElection.TerminalId, tpm).PublicKeyPem;
            Election.InstallInto(DataDir, PublicKeyPem);
            var manifest = MeasurementManifest.For(TestElection.TerminalId, MeasurementList.Of(ProgramDir, DataDir));
            MeasurementManifest.Sign(manifest, Election.Authority).WriteFile(Path.Combine(DataDir, MeasurementManifest.FileName));
            var sealedTo = TerminalSealing.Seal(DataDir, tpm);
            Assert.True(sealedTo.IsOk, sealedTo.Error);
        }
        Swtpm.Restart(); // power-on: PCR 13 back to zero
    }

    public TestElection Election { get; } = new();
    public SwtpmInstance Swtpm { get; }
    public string DataDir { get; }
    public string ProgramDir { get; }
    public string PublicKeyPem { get; }
    public string Events => File.ReadAllText(Path.Combine(DataDir, "events.jsonl"));

    /// <summary>vmre-launch's arguments that start this terminal's `run` with the given devices.</summary>
    public string[] LaunchArgs(string kiosk, string lan, string server, string printer, string gpio) =>
    [
        "--program", ProgramDir, "--data", DataDir, "--tcti", Swtpm.Tcti, "--",
        "dotnet", Path.Combine(ProgramDir, "vmre-terminal.dll"), "run", "--data", DataDir, "--tcti", Swtpm.Tcti,
        "--kiosk", kiosk, "--lan", lan, "--server", server, "--printer", printer, "--gpio", gpio,
    ];

    /// <summary>The launcher, built next to the tests (a referenced program).</summary>
    public static string LauncherDll => Path.Combine(AppContext.BaseDirectory, "vmre-launch.dll");

    /// <summary>terminal-app's own build output: the program folder a terminal image ships.</summary>
    public static string TerminalBuild()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vmre.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // Debug or Release
        return Path.Combine(dir.FullName, "terminal-app", "Vmre.Terminal", "bin", configuration, "net10.0");
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in MeasurementList.RegularFiles(from))
        {
            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(from, file), target);
        }
    }

    public void Dispose()
    {
        Swtpm.Dispose();
        _dir.Dispose();
    }
}
