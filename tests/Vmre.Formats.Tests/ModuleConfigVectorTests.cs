using Vmre.Common.Election;
using Vmre.Common.Lnere;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Documents;
using Vmre.ModuleServer.Hosting;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-module-config/1` (docs/formats/module-config.md). Keys and PIN salts are random, so this
/// is a parse vector: vectors/module-config.payload.json was produced once (PIN verifiers by
/// Vmre.Provisioning.Modules.OfficialArgument) and is pinned here field by field.
/// Every official's PIN in the vector is <see cref="Pin"/>.
/// </summary>
public class ModuleConfigVectorTests
{
    public const string Pin = "482913";
    private const string ConfigFile = "module-config.payload.json";

    private static ModuleConfig Config => Vectors.Parse<ModuleConfig>(ConfigFile);

    [Fact]
    public void Golden_config_parses_to_the_expected_fields()
    {
        var c = Config;
        Assert.Equal(("vmre-module-config/1", "MRV-CHI", "Chicago", "America/Chicago", "PEL-2022-2023-VMRE"),
            (c.Format, c.ModuleId, c.Name, c.TimeZone, c.ElectionId));
        Assert.Equal(ModuleConfig.FormatV1, c.Format);
        Assert.Equal(ElectionPackageVectorTests.DemoPackageHash, c.PackageHash);
        Assert.Equal(0, c.WalkInCap);
        // The pinned slice is the golden slice vector (rules.md R5: no slice swap).
        Assert.Equal(Vmre.Common.Signing.ContentHash.Of(Vectors.Bytes("lnere-slice-MRV-CHI.payload.json")), c.SliceHash);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", c.ServerPublicKeyPem);
        Assert.Equal(16, PublicKey.FromPem(c.ServerPublicKeyPem).KeyId.Length);
        Assert.Equal(["T-CHI-01", "T-CHI-02"], c.Terminals.Select(t => t.TerminalId));
        Assert.All(c.Terminals, t => PublicKey.FromPem(t.PublicKeyPem));
        Assert.Equal(
            [
                ("PRES-01", OfficialRole.Presidente, "Ana Ruiz Peña"),
                ("SEC-01", OfficialRole.Secretario, "Luis Ortega Díaz"),
                ("ESC-01", OfficialRole.Escrutador, "María Fernanda López"),
                ("TEC-01", OfficialRole.Technician, "Jorge Salas"),
                ("OBS-01", OfficialRole.Observer, "Observación Electoral A.C."),
            ],
            c.Officials.Select(o => (o.CredentialId, o.Role, o.Name)));
        Assert.All(c.Officials, o =>
        {
            Assert.Equal(16, Convert.FromBase64String(o.PinSalt).Length);
            Assert.Equal(32, Convert.FromBase64String(o.PinHash).Length);
        });
        Assert.Contains("\"role\":\"technician\"", Vectors.Text(ConfigFile));
    }

    [Fact]
    public void Module_server_refuses_a_config_that_pins_another_slice_or_none()
    {
        using var other = new ModuleDir(Config with { SliceHash = new string('0', 64) });
        var refused = ModuleDocuments.Load(other.Path);
        Assert.False(refused.IsOk);
        Assert.StartsWith("module config pins LNERE slice 0000", refused.Error);
        using var none = new ModuleDir(Config with { SliceHash = null });
        Assert.Equal("module config pins no LNERE slice (provision it with module configure --slice)", ModuleDocuments.Load(none.Path).Error);
    }

    [Fact]
    public void Pin_verifiers_match_the_documented_pin_only()
    {
        Assert.All(Config.Officials, o =>
        {
            Assert.True(PinVerifier.Matches(o, Pin));
            Assert.False(PinVerifier.Matches(o, "482914"));
        });
    }

    [Fact]
    public void Module_server_starts_from_the_golden_documents()
    {
        using var dir = new ModuleDir(Config);
        var loaded = ModuleDocuments.Load(dir.Path);
        Assert.True(loaded.IsOk, loaded.Error);
        Assert.Equal(ElectionPackageVectorTests.DemoPackageHash, loaded.Value!.PackageHash);
        Assert.Equal("MRV-CHI", loaded.Value.Slice.ModuleId);
    }

    [Fact]
    public void Module_server_refuses_an_unknown_config_format()
    {
        using var dir = new ModuleDir(Config with { Format = "vmre-module-config/2" });
        var loaded = ModuleDocuments.Load(dir.Path);
        Assert.Equal("module config format 'vmre-module-config/2' is not vmre-module-config/1", loaded.Error);
    }

    [Fact]
    public void Module_server_refuses_an_unknown_package_format()
    {
        var package = Vectors.Parse<ElectionPackage>(ElectionPackageVectorTests.PayloadFile)
            with { Format = "vmre-election-package/2" };
        var bytes = VmreJson.Bytes(package);
        using var dir = new ModuleDir(Config with { PackageHash = PackageHash.Of(bytes) }, packagePayload: bytes);
        Assert.Equal("election package format 'vmre-election-package/2' is not vmre-election-package/1", ModuleDocuments.Load(dir.Path).Error);
    }

    /// <summary>
    /// A module server data directory holding the golden payloads signed by a throwaway authority,
    /// with a fresh server key that the config is re-pointed to.
    /// </summary>
    private sealed class ModuleDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("vmre-formats-").FullName;

        public ModuleDir(ModuleConfig config, byte[]? packagePayload = null)
        {
            var authority = SoftwareSigningKey.Generate();
            var server = SoftwareSigningKey.Generate();
            File.WriteAllText(System.IO.Path.Combine(Path, ModuleDocuments.AuthorityFile), authority.PublicKeyPem);
            server.Save(System.IO.Path.Combine(Path, ModuleDocuments.ServerKeyFile));
            Sign(authority, ModuleDocuments.PackageFile, DocumentKinds.ElectionPackage,
                packagePayload ?? Vectors.Bytes(ElectionPackageVectorTests.PayloadFile));
            Sign(authority, ModuleDocuments.SliceFile, DocumentKinds.LnereSlice, Vectors.Bytes("lnere-slice-MRV-CHI.payload.json"));
            Sign(authority, ModuleDocuments.ConfigFile, DocumentKinds.ModuleConfig,
                VmreJson.Bytes(config with { ServerPublicKeyPem = server.PublicKeyPem }));
        }

        private void Sign(ISigner signer, string file, string kind, byte[] payload) =>
            new SignedDocument(SignedDocument.FormatV1, kind, signer.KeyId, Convert.ToBase64String(payload),
                Convert.ToBase64String(signer.Sign(payload))).WriteFile(System.IO.Path.Combine(Path, file));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
