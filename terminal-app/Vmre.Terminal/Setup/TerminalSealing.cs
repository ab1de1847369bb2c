using Vmre.Common.Measurement;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;
using Vmre.Terminal.Tpm;
using Vmre.Terminal.Votes;

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
        // Security review of issue 10: a device key blob restored from before an earlier seal signs
        // with no auth again; sealing anew must never replace the keys of a store that holds votes.
        var storePath = Path.Combine(dataDir, VerifyStore.StoreFile);
        if (StoreHoldsTestigos(storePath))
            return Parsed<MeasurementManifest>.Fail($"a vote store holding testigos is at {storePath}: sealing again would orphan its votes");
        DeleteLeftover(tpm, TerminalSecrets.MasterPath);
        DeleteLeftover(tpm, TerminalSecrets.EpochPath);
        var master = TerminalSecrets.NewMaster();
        try
        {
            var secrets = TerminalSecrets.From(master);
            tpm.SealToPcr(TerminalSecrets.MasterPath, master, MeasurementList.Pcr, manifest.Value!.ExpectedPcrBytes());
            tpm.CreateCounter(TerminalSecrets.EpochPath, secrets.EpochAuth);
            // The store is made here, once, under the new keys; `run` never makes one (a missing or
            // emptied store is a finding there). What an interrupted seal left is empty: replaced.
            foreach (var leftover in new[] { storePath, storePath + "-journal" }) File.Delete(leftover);
            VoteStore.Open(storePath, secrets.StoreMacKey, new TpmStoreEpoch(tpm, secrets)).Dispose();
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

    /// <summary>
    /// Whether a store file holds any testigo, read from the slots' plaintext state byte
    /// (docs/formats/vote-store.md: offset 5, 0 = free), without its keys.
    /// </summary>
    private static bool StoreHoldsTestigos(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return false;
        try
        {
            using var db = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
                { DataSource = path, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM slots WHERE substr(body, 6, 1) <> x'00'";
            return Convert.ToInt64(cmd.ExecuteScalar()) > 0;
        }
        catch (Microsoft.Data.Sqlite.SqliteException) { return true; } // not readable as a store: never overwrite it
    }

    private static void DeleteLeftover(IDeviceTpm tpm, string path)
    {
        try { tpm.Delete(path); }
        catch (TpmError) { /* nothing there: the usual case */ }
    }
}
