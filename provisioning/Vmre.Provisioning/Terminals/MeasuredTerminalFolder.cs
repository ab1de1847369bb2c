using System.Text.Json;
using Vmre.Common.Measurement;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Provisioning.Terminals;

/// <summary>
/// What `terminal measure` needs of a terminal's data folder before it measures it: provisioned
/// (its identity file names it), the signed election installed, and the authority key it holds the
/// one signing the manifest — else the terminal could never open the manifest it is sealed to.
/// A manifest over a folder missing one of these would seal the terminal to a state it can't run in.
/// </summary>
public static class MeasuredTerminalFolder
{
    /// <returns>The terminal's id, or what is missing or wrong.</returns>
    public static Parsed<string> Check(string dataDir, SoftwareSigningKey authority)
    {
        foreach (var file in new[] { MeasurementList.TerminalIdentityFile, MeasurementList.AuthorityKeyFile, MeasurementList.ModuleConfigFile, MeasurementList.PackageFile })
            if (!File.Exists(Path.Combine(dataDir, file)))
                return Parsed<string>.Fail($"--data {dataDir} has no {file}: provision the terminal and install the signed election first");
        var installedPath = Path.Combine(dataDir, MeasurementList.AuthorityKeyFile);
        var installed = Authority.KeyFiles.LoadPublic(installedPath);
        if (!installed.IsOk) return Parsed<string>.Fail(installed.Error!);
        if (installed.Value!.KeyId != authority.KeyId)
            return Parsed<string>.Fail($"--data {dataDir} holds another authority's {MeasurementList.AuthorityKeyFile}; the terminal could not open a manifest signed by --authority");
        return TerminalId(Path.Combine(dataDir, MeasurementList.TerminalIdentityFile));
    }

    /// <summary>The hash the zero report prints for the manifest (terminal-app TerminalSealing.ManifestHash): SHA-256 of the file's bytes.</summary>
    public static string ManifestHash(string path) => ContentHash.Of(File.ReadAllBytes(path));

    private static Parsed<string> TerminalId(string identityFile)
    {
        try
        {
            // Issue 11 point 4: one reading — a repeated terminalId is refused, not the last taken.
            using var json = JsonDocument.Parse(File.ReadAllBytes(identityFile), new JsonDocumentOptions { AllowDuplicateProperties = false });
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("terminalId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text
                ? Parsed<string>.Ok(text)
                : Parsed<string>.Fail($"{identityFile} names no terminalId");
        }
        catch (JsonException e)
        {
            return Parsed<string>.Fail($"{identityFile} is not JSON: {e.Message}");
        }
    }
}
