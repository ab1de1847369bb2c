using System.CommandLine;
using Vmre.Common.Measurement;
using Vmre.Devices.Tpm;

namespace Vmre.Terminal.Tpm;

/// <summary>
/// Security review of issue 10 point 1: `run`, `verify-store` and `reseal` are what the measured
/// start execs, so whatever way they end — a usage error, a missing or invalid manifest, a TPM
/// that cannot be opened, a refused unseal, help, a normal stop, an exception — the closing value
/// is extended into PCR 13 on the way out. Otherwise a process started after one that exited
/// before unsealing finds PCR 13 still measured and can unseal the master. Extending it twice, or
/// when nothing was measured, is harmless: it only moves PCR 13 further from the sealed value until
/// the next power-on. A SIGKILL skips this, as a power cut resets the PCR.
/// </summary>
public static class ClosedOnExit
{
    public static readonly string[] Verbs = ["run", "verify-store", "reseal"];

    public static int Run(Command root, string[] args, Func<int> command, TextWriter error)
    {
        int exit;
        try { exit = command(); }
        catch
        {
            Close(root, args, error);
            throw;
        }
        Close(root, args, error);
        return exit;
    }

    /// <summary>The TPM and keystore the command named (from its own parse of the arguments); nothing for other commands.</summary>
    private static void Close(Command root, string[] args, TextWriter error)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0])) return;
        var parsed = root.Parse(args);
        var options = parsed.CommandResult.Command.Options.OfType<Option<string>>().ToList();
        string? Value(string name) => options.FirstOrDefault(o => o.Name == name) is { } option ? Safe(() => parsed.GetValue(option)) : null;
        var data = Value("--data");
        var tcti = Value("--tcti");
        if (data is null || tcti is null) return; // no keystore named: nothing can open the TPM, as nothing could unseal
        try
        {
            using var tpm = new FapiTpm(FapiConfig.In(data, tcti));
            tpm.PcrExtend(MeasurementList.Pcr, MeasurementList.ClosingValue);
        }
        catch (Exception e) when (e is TpmError or IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"warning: PCR {MeasurementList.Pcr} could not be closed on exit: {e.Message}");
        }
    }

    private static string? Safe(Func<string?> read)
    {
        try { return read(); }
        catch (InvalidOperationException) { return null; } // a value that did not parse
    }
}
