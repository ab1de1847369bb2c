using Vmre.Cli;
using Vmre.Devices.Tpm;

namespace Vmre.Terminal.Setup;

/// <summary>The `seal` and `reseal` commands (issue 10 point 1): open the TPM, run, answer by name.</summary>
public static class SealingCommands
{
    /// <summary>`seal` (issue 10 point 1): a refusal by name when the manifest is missing, wrong, or the terminal is already sealed.</summary>
    public static int Seal(TerminalOptions options, TextWriter output, TextWriter error)
    {
        try
        {
            using var tpm = new FapiTpm(FapiConfig.In(options.DataDir, options.Tcti));
            var sealedTo = TerminalSealing.Seal(options.DataDir, tpm);
            if (!sealedTo.IsOk) return Refusal.Write(error, sealedTo.Error!);
            output.WriteLine($"sealed {sealedTo.Value!.TerminalId} to PCR {sealedTo.Value.Pcr} = {sealedTo.Value.ExpectedPcr}; "
                + $"measurements {TerminalSealing.ManifestHash(options.DataDir)}");
            return ExitCode.Ok;
        }
        catch (Exception e) when (e is TpmError or IOException or UnauthorizedAccessException)
        {
            return Refusal.Write(error, e.Message);
        }
    }

    /// <summary>`reseal` (issue 10 point 1): through the measured start of the current terminal; refusals by name.</summary>
    public static int Reseal(TerminalOptions options, string manifest, TextWriter output, TextWriter error)
    {
        try
        {
            using var tpm = new FapiTpm(FapiConfig.In(options.DataDir, options.Tcti));
            var resealed = TerminalResealing.Reseal(options.DataDir, tpm, manifest);
            if (!resealed.IsOk) return Refusal.Write(error, resealed.Error!);
            output.WriteLine($"resealed {resealed.Value!.TerminalId} to PCR {resealed.Value.Pcr} = {resealed.Value.ExpectedPcr}; "
                + $"measurements {TerminalSealing.ManifestHash(options.DataDir)}; install the new program and configuration, then power-cycle");
            return ExitCode.Ok;
        }
        catch (Exception e) when (e is TpmError or IOException or UnauthorizedAccessException)
        {
            return Refusal.Write(error, e.Message);
        }
    }
}
