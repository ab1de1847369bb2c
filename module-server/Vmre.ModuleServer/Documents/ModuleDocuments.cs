using System.Security.Cryptography;
using Vmre.Common.Election;
using Vmre.Common.Lnere;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Firmware.Text;

namespace Vmre.ModuleServer.Documents;

/// <summary>
/// The module's signed inputs, each verified against the authority key before anything is
/// served (rules.md R5), and tied together: the config names this package (by hash) and
/// this slice's module. The server's signing key is not on disk: it lives in the server's TPM
/// (issue 8 point 2) and is joined by <see cref="PairedWith"/>, which checks it is the key the
/// config pairs terminals with.
/// </summary>
public sealed record ModuleDocuments(
    ElectionPackage Package,
    string PackageHash,
    LnereSlice Slice,
    string SliceHash,
    ModuleConfig Config,
    PublicKey ServerPublicKey,
    IReadOnlyDictionary<string, PublicKey> TerminalKeys)
{
    public const string AuthorityFile = "authority.pub.pem";
    public const string PackageFile = "election-package.signed.json";
    public const string SliceFile = "lnere-slice.signed.json";
    public const string ConfigFile = "module-config.signed.json";
    /// <summary>Where the server's software key lived before issue 8 point 2; its presence is now refused (ModuleServerApp).</summary>
    public const string ServerKeyFile = "server.key";

    /// <summary>The server's signing key, in its TPM (or an in-process signer in tests); set by <see cref="PairedWith"/>.</summary>
    public ISigner ServerKey { get; private init; } = null!;

    /// <summary>These documents with the server's key, if it is the one the config pairs this module with.</summary>
    public Parsed<ModuleDocuments> PairedWith(ISigner serverKey, string where) =>
        serverKey.KeyId == ServerPublicKey.KeyId
            ? Parsed<ModuleDocuments>.Ok(this with { ServerKey = serverKey })
            : Fail($"{where} is key {serverKey.KeyId}, but the module config pairs this module with key {ServerPublicKey.KeyId}");

    public static Parsed<ModuleDocuments> Load(string dir)
    {
        var authority = ReadKey(Path.Combine(dir, AuthorityFile));
        if (!authority.IsOk) return Fail(authority.Error!);

        var config = OpenConfig(dir, authority.Value!);
        if (!config.IsOk) return Fail(config.Error!);
        var package = Open<ElectionPackage>(dir, PackageFile, DocumentKinds.ElectionPackage, authority.Value!);
        if (!package.IsOk) return Fail(package.Error!);
        var slice = Open<LnereSlice>(dir, SliceFile, DocumentKinds.LnereSlice, authority.Value!);
        if (!slice.IsOk) return Fail(slice.Error!);

        var (cfg, cfgBytes) = config.Value;
        var (pkg, pkgBytes) = package.Value;
        var (slc, slcBytes) = slice.Value;
        var packageHash = Vmre.Common.Election.PackageHash.Of(pkgBytes);

        if (pkg.Format != ElectionPackage.FormatV1) return Fail($"election package format '{pkg.Format}' is not {ElectionPackage.FormatV1}");
        if (slc.Format != LnereSlice.FormatV1) return Fail($"LNERE slice format '{slc.Format}' is not {LnereSlice.FormatV1}");
        if (cfg.PackageHash != packageHash)
            return Fail($"module config names package {cfg.PackageHash}, but the election package on disk hashes to {packageHash}");
        if (cfg.ElectionId != pkg.ElectionId) return Fail($"module config is for election {cfg.ElectionId}, package is {pkg.ElectionId}");
        if (slc.ModuleId != cfg.ModuleId) return Fail($"LNERE slice is for module {slc.ModuleId}, config is module {cfg.ModuleId}");
        if (slc.ElectionId != cfg.ElectionId) return Fail($"LNERE slice is for election {slc.ElectionId}, config is {cfg.ElectionId}");
        // rules.md R5: the config pins the slice, so an older or other slice signed by the same
        // authority cannot be swapped in before the first start.
        var sliceHash = Vmre.Common.Signing.ContentHash.Of(slcBytes);
        if (cfg.SliceHash is null) return Fail("module config pins no LNERE slice (provision it with module configure --slice)");
        if (cfg.SliceHash != sliceHash)
            return Fail($"module config pins LNERE slice {cfg.SliceHash}, but the slice on disk hashes to {sliceHash}");

        // The activation token carries module and style ids (docs/formats/activation-token.md):
        // refuse now rather than fail at the first voter.
        if (!Chars.IsId(cfg.ModuleId, 1, 16)) return Fail($"module id '{cfg.ModuleId}' cannot be carried in an activation token");
        foreach (var style in pkg.BallotStyles)
            if (!Chars.IsId(style.Id, 1, 8)) return Fail($"ballot style id '{style.Id}' cannot be carried in an activation token");

        try { TimeZoneInfo.FindSystemTimeZoneById(cfg.TimeZone); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return Fail($"module config time zone '{cfg.TimeZone}' is not known to this system");
        }

        var paired = ParseKey(cfg.ServerPublicKeyPem, "the module config's server public key");
        if (!paired.IsOk) return Fail(paired.Error!);

        var terminalKeys = new Dictionary<string, PublicKey>(StringComparer.Ordinal);
        foreach (var terminal in cfg.Terminals)
        {
            var key = ParseKey(terminal.PublicKeyPem, $"terminal {terminal.TerminalId}'s public key");
            if (!key.IsOk) return Fail(key.Error!);
            if (!terminalKeys.TryAdd(terminal.TerminalId, key.Value!)) return Fail($"terminal {terminal.TerminalId} is listed twice");
        }

        return Parsed<ModuleDocuments>.Ok(new ModuleDocuments(
            pkg, packageHash, slc, sliceHash, cfg,
            paired.Value!, terminalKeys));
    }

    private static Parsed<(T Body, byte[] Payload)> Open<T>(string dir, string file, string kind, PublicKey authority) where T : class
    {
        var envelope = SignedDocument.ReadFile(Path.Combine(dir, file));
        if (!envelope.IsOk) return Parsed<(T, byte[])>.Fail($"{file}: {envelope.Error}");
        var body = envelope.Value!.Open<T>(kind, authority);
        return body.IsOk
            ? Parsed<(T, byte[])>.Ok((body.Value!, envelope.Value.PayloadBytes()))
            : Parsed<(T, byte[])>.Fail($"{file}: {body.Error}");
    }

    // Issue 11 point 1: a retired config (v2's PIN verifiers) is refused by name, not as malformed JSON.
    private static Parsed<(ModuleConfig Body, byte[] Payload)> OpenConfig(string dir, PublicKey authority)
    {
        var envelope = SignedDocument.ReadFile(Path.Combine(dir, ConfigFile));
        if (!envelope.IsOk) return Parsed<(ModuleConfig, byte[])>.Fail($"{ConfigFile}: {envelope.Error}");
        var config = ModuleConfigCheck.Open(envelope.Value!, authority);
        if (!config.IsOk)
            return Parsed<(ModuleConfig, byte[])>.Fail(config.Error!.StartsWith("module config", StringComparison.Ordinal) ? config.Error! : $"{ConfigFile}: {config.Error}");
        return Parsed<(ModuleConfig, byte[])>.Ok((config.Value!, envelope.Value!.PayloadBytes()));
    }

    private static Parsed<PublicKey> ReadKey(string path) =>
        File.Exists(path)
            ? ParseKey(File.ReadAllText(path), Path.GetFileName(path))
            : Parsed<PublicKey>.Fail($"trust anchor not found: {path}");

    private static Parsed<PublicKey> ParseKey(string pem, string what)
    {
        try { return Parsed<PublicKey>.Ok(PublicKey.FromPem(pem)); }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return Parsed<PublicKey>.Fail($"{what} is not an ECDSA P-256 public key ({e.Message})");
        }
    }

    private static Parsed<ModuleDocuments> Fail(string reason) => Parsed<ModuleDocuments>.Fail(reason);
}
