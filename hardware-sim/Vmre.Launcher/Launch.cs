using Vmre.Cli;
using Vmre.Common.Measurement;
using Vmre.Devices.Tpm;

namespace Vmre.Launcher;

/// <summary>
/// Measure, extend, become the terminal (issue 10 point 1). The TPM context is closed before the
/// exec (swtpm serves one connection at a time, and the terminal opens its own). The exec keeps
/// the PID, so a SIGKILL meant as a power cut for the terminal reaches it.
/// </summary>
public static class Launch
{
    public static int Run(LaunchRequest request, TextWriter output, TextWriter error)
    {
        var programDir = Path.GetFullPath(request.ProgramDir);
        var dataDir = Path.GetFullPath(request.DataDir);
        if (!Directory.Exists(programDir)) return Refusal.Write(error, $"--program {programDir} does not exist");
        if (!Directory.Exists(dataDir)) return Refusal.Write(error, $"--data {dataDir} does not exist");
        var executable = Exec.Resolve(request.Command[0]);
        if (executable is null)
            return Refusal.Write(error, $"command '{request.Command[0]}' not found (a path, or `dotnet` from {string.Join(", ", DotnetHost.Candidates)}; PATH is not searched)");
        if (RunsFrom(programDir, executable, request.Command) is { } outside) return Refusal.Write(error, outside);
        var terminalArgs = request.Command.Skip(executable == DotnetHost.Find() ? 2 : 1).ToList();
        if (TerminalCommand.Refusal(terminalArgs, dataDir, request.Tcti) is { } refused) return Refusal.Write(error, refused + "; nothing measured");
        IReadOnlyList<MeasuredItem> items;
        try
        {
            using var tpm = new FapiTpm(FapiConfig.In(dataDir, request.Tcti));
            items = MeasuredStart.Run(tpm, programDir, dataDir);
        }
        catch (TpmError e) when (e.IsNotProvisioned)
        {
            return Refusal.Write(error, $"the TPM keystore in {dataDir} is not provisioned (vmre-terminal provision first); the terminal was not started");
        }
        catch (TpmError e)
        {
            return Refusal.Write(error, $"the measured start failed, the terminal was not started: {e.Message}");
        }
        output.WriteLine($"{LauncherCommandLine.Program}: measured {string.Join(", ", items.Select(i => $"{i.Name} {i.Sha256[..12]}…"))} into PCR {MeasurementList.Pcr}");
        output.Flush();
        error.Flush();
        var errno = Exec.Replace(executable, request.Command, StartEnvironment.From(Environment.GetEnvironmentVariable));
        return Refusal.Write(error, $"could not execute {executable}: errno {errno}");
    }

    /// <summary>
    /// What is started must be what was measured: COMMAND itself, or (for `dotnet X.dll`) the
    /// assembly it runs, must lie in the program folder. The .NET runtime is outside it, as the
    /// rest of the system is: in production the boot chain measures those (README.md).
    /// </summary>
    private static string? RunsFrom(string programDir, string executable, IReadOnlyList<string> command)
    {
        // Real paths on both sides: a symbolic link in the folder is not measured (measurements.md), so what it points to must not run.
        var root = (DotnetHost.RealPath(programDir) ?? programDir).TrimEnd('/') + "/";
        if (executable.StartsWith(root, StringComparison.Ordinal)) return null;
        if (executable == DotnetHost.Find() && command.Count > 1
            && DotnetHost.RealPath(command[1]) is { } assembly && assembly.StartsWith(root, StringComparison.Ordinal) && File.Exists(assembly))
            return null;
        return $"command {string.Join(' ', command.Take(2))} does not run from the measured program folder {programDir}";
    }
}
