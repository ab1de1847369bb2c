using Vmre.Common.Measurement;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;
using Vmre.Terminal.Tpm;

namespace Vmre.Terminal.Setup;

/// <summary>
/// `vmre-terminal seal` (issue 10 point 1), run by the technician once the election and the
/// authority-signed measurement manifest are installed: a fresh master secret is sealed to the
/// manifest's expected PCR 13, the NV epoch counter is created with its derived auth, and the
/// device key's auth changes from none to the derived one. From then on only the measured
/// terminal can unseal, sign, or advance the epoch.
/// </summary>
/// <remarks>
/// Crash-safe order: the device key's auth changes last, so it is the commit point. Before it,
/// the key still signs with no auth, and a repeated `seal` deletes what an interrupted one left
/// (its master and counter) and starts again; after it, `seal` refuses by name. Nothing is lost
/// by starting again: no vote can have been stored before the terminal was ever sealed.
/// </remarks>
public static class TerminalSealing
{
    public const string AlreadySealed = "already sealed; a legitimate update is re-sealed with `reseal` through the measured start";

    public static Parsed<MeasurementManifest> Seal(string dataDir, IDeviceTpm tpm)
    {
        var manifest = LoadManifest(dataDir);
        if (!manifest.IsOk) return manifest;
        if (!KeyHasNoAuth(tpm)) return Parsed<MeasurementManifest>.Fail(AlreadySealed);
        DeleteLeftover(tpm, TerminalSecrets.MasterPath);
        DeleteLeftover(tpm, TerminalSecrets.EpochPath);
        var master = TerminalSecrets.NewMaster();
        try
        {
            var secrets = TerminalSecrets.From(master);
            tpm.SealToPcr(TerminalSecrets.MasterPath, master, MeasurementList.Pcr, manifest.Value!.ExpectedPcrBytes());
            tpm.CreateCounter(TerminalSecrets.EpochPath, secrets.EpochAuth);
            tpm.UseAuth(TpmSigner.DeviceKeyPath, "");
            tpm.ChangeAuth(TpmSigner.DeviceKeyPath, secrets.DeviceKeyAuth);
        }
        finally { Array.Clear(master); }
        return manifest;
    }

    /// <summary>The manifest in the data folder, verified against the installed authority key and naming this terminal.</summary>
    public static Parsed<MeasurementManifest> LoadManifest(string dataDir)
    {
        var identity = TerminalIdentity.Load(dataDir);
        if (!identity.IsOk) return Parsed<MeasurementManifest>.Fail(identity.Error!);
        var authorityPath = Path.Combine(dataDir, InstalledElection.AuthorityKeyFile);
        if (!File.Exists(authorityPath)) return Parsed<MeasurementManifest>.Fail($"no authority key installed ({authorityPath})");
        var path = Path.Combine(dataDir, MeasurementManifest.FileName);
        if (!File.Exists(path)) return Parsed<MeasurementManifest>.Fail($"no measurement manifest installed ({path})");
        var manifest = MeasurementManifest.Load(path, PublicKey.FromPem(File.ReadAllText(authorityPath)));
        if (!manifest.IsOk) return Parsed<MeasurementManifest>.Fail("measurement manifest: " + manifest.Error);
        if (manifest.Value!.TerminalId != identity.Value!.TerminalId)
            return Parsed<MeasurementManifest>.Fail($"the measurement manifest is for terminal {manifest.Value.TerminalId}, this is {identity.Value.TerminalId}");
        return manifest;
    }

    /// <summary>SHA-256 of the manifest file's bytes, as the zero report and the log print it.</summary>
    public static string ManifestHash(string dataDir) =>
        ContentHash.Of(File.ReadAllBytes(Path.Combine(dataDir, MeasurementManifest.FileName)));

    /// <summary>Not yet sealed (or interrupted before the commit point): the device key signs with no auth.</summary>
    private static bool KeyHasNoAuth(IDeviceTpm tpm)
    {
        tpm.UseAuth(TpmSigner.DeviceKeyPath, "");
        try
        {
            tpm.SignDigest(TpmSigner.DeviceKeyPath, System.Security.Cryptography.SHA256.HashData("vmre seal probe"u8));
            return true;
        }
        catch (TpmError e) when (e.IsAuthFailure) { return false; }
    }

    private static void DeleteLeftover(IDeviceTpm tpm, string path)
    {
        try { tpm.Delete(path); }
        catch (TpmError) { /* nothing there: the usual case */ }
    }
}
