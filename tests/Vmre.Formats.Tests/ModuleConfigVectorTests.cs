using Vmre.Common.Election;
using Vmre.Common.Lnere;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Documents;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-module-config/1` (docs/formats/module-config.md), kept for the record: v2 replaced it and
/// every reader refuses it by name (ModuleConfigV2VectorTests holds the live format). Keys and PIN salts are random, so this
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
    public void Golden_v1_config_parses_to_the_expected_fields()
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
    public void Pin_verifiers_match_the_documented_pin_only()
    {
        Assert.All(Config.Officials, o =>
        {
            Assert.True(PinVerifier.Matches(o, Pin));
            Assert.False(PinVerifier.Matches(o, "482914"));
        });
    }

    [Fact]
    public void Module_server_refuses_the_v1_golden_config_by_name()
    {
        using var dir = new ModuleDataDir(Config);
        Assert.Equal("module config format 'vmre-module-config/1' is retired (no activation expiry, no consoles): "
            + "provision it again as vmre-module-config/2 with vmre-provision module configure", ModuleDocuments.Load(dir.Path).Error);
    }
}
