using Vmre.Common.Election;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Documents;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-module-config/3` (docs/formats/module-config.md, issue 11 point 1): v2 with each
/// official's card public key in place of the PIN verifier. vectors/module-config-v3.payload.json
/// is the v2 vector's module as the code writes it in v3 (card keys random); it is pinned field by
/// field and byte for byte (the code writes exactly these bytes back).
/// </summary>
public class ModuleConfigV3VectorTests
{
    private const string ConfigFile = "module-config-v3.payload.json";

    private static ModuleConfig Config => Vectors.Parse<ModuleConfig>(ConfigFile);

    [Fact]
    public void Golden_v3_config_parses_to_the_expected_fields()
    {
        var c = Config;
        Assert.Equal((ModuleConfig.FormatV3, "MRV-CHI", "Chicago", "America/Chicago", "PEL-2022-2023-VMRE"),
            (c.Format, c.ModuleId, c.Name, c.TimeZone, c.ElectionId));
        Assert.Equal("vmre-module-config/3", c.Format);
        Assert.Equal(ElectionPackageVectorTests.DemoPackageHash, c.PackageHash);
        Assert.Equal(ContentHash.Of(Vectors.Bytes("lnere-slice-MRV-CHI.payload.json")), c.SliceHash);
        Assert.Equal(15, c.ActivationMinutes);
        Assert.Equal(TimeSpan.FromMinutes(15), c.ActivationLifetime());
        Assert.Equal([("DESK-01", ConsoleRole.Desk), ("OBS-01", ConsoleRole.Observer)], c.Consoles!.Select(k => (k.ConsoleId, k.Role)));
        Assert.All(c.Consoles!, k => PublicKey.FromPem(k.PublicKeyPem));
        Assert.Equal(["T-CHI-01", "T-CHI-02"], c.Terminals.Select(t => t.TerminalId));
        Assert.Equal(["PRES-01", "SEC-01", "ESC-01", "TEC-01", "OBS-01"], c.Officials.Select(o => o.CredentialId));
        Assert.All(c.Officials, o => PublicKey.FromPem(o.CardPublicKeyPem));
        // Issue 11 point 1: nothing derived from a PIN. Each official entry holds these four fields and no others.
        using var json = System.Text.Json.JsonDocument.Parse(Vectors.Bytes(ConfigFile));
        Assert.All(json.RootElement.GetProperty("officials").EnumerateArray(), o =>
            Assert.Equal(["credentialId", "role", "name", "cardPublicKeyPem"], o.EnumerateObject().Select(p => p.Name)));
        Assert.Contains("\"activationMinutes\":15,\"consoles\":[{\"consoleId\":\"DESK-01\",\"role\":\"desk\"", Vectors.Text(ConfigFile));
        Assert.Null(ModuleConfigCheck.Problem(c));
    }

    [Fact]
    public void The_code_writes_the_golden_bytes_back() =>
        Assert.Equal(Vectors.Text(ConfigFile), VmreJson.Text(Config));

    [Fact]
    public void Module_server_starts_from_the_golden_documents()
    {
        using var dir = new ModuleDataDir(Config);
        var loaded = ModuleDocuments.Load(dir.Path);
        Assert.True(loaded.IsOk, loaded.Error);
        Assert.Equal(ElectionPackageVectorTests.DemoPackageHash, loaded.Value!.PackageHash);
        Assert.Equal(15, loaded.Value.Config.ActivationMinutes);
    }

    [Fact]
    public void Module_server_refuses_a_config_that_pins_another_slice_or_none()
    {
        using var other = new ModuleDataDir(Config with { SliceHash = new string('0', 64) });
        var refused = ModuleDocuments.Load(other.Path);
        Assert.False(refused.IsOk);
        Assert.StartsWith("module config pins LNERE slice 0000", refused.Error);
        using var none = new ModuleDataDir(Config with { SliceHash = null });
        Assert.Equal("module config pins no LNERE slice (provision it with module configure --slice)", ModuleDocuments.Load(none.Path).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(241)]
    [InlineData(-15)]
    public void An_activation_lifetime_outside_1_to_240_minutes_is_refused(int minutes)
    {
        using var dir = new ModuleDataDir(Config with { ActivationMinutes = minutes });
        Assert.Equal($"module config activationMinutes must be 1-240, got {minutes}", ModuleDocuments.Load(dir.Path).Error);
    }

    [Fact]
    public void A_document_without_its_v2_era_fields_is_refused()
    {
        var text = Vectors.Text(ConfigFile);
        var withoutConsoles = VmreJson.Parse<ModuleConfig>(System.Text.Encoding.UTF8.GetBytes(
            text[..text.IndexOf(",\"consoles\"", StringComparison.Ordinal)] + "}")).ValueOrThrow();
        Assert.Equal("module config has no consoles list (an empty list means none)", ModuleConfigCheck.Problem(withoutConsoles));
        var withoutMinutes = Config with { ActivationMinutes = default };
        Assert.Equal("module config activationMinutes must be 1-240, got 0", ModuleConfigCheck.Problem(withoutMinutes));
    }

    [Fact]
    public void Malformed_consoles_are_refused_with_the_console_named()
    {
        var desk = Config.Consoles![0];
        Assert.Equal("console DESK-01 is listed twice", ModuleConfigCheck.Problem(Config with { Consoles = [desk, desk] }));
        Assert.Equal("console id 'desk 1' must be 1-16 chars [A-Z0-9-]",
            ModuleConfigCheck.Problem(Config with { Consoles = [desk with { ConsoleId = "desk 1" }] }));
        Assert.StartsWith("console DESK-01's public key is not an ECDSA P-256 public key",
            ModuleConfigCheck.Problem(Config with { Consoles = [desk with { PublicKeyPem = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n" }] }));
        Assert.Equal("console DESK-01 has no valid role (desk or observer)",
            ModuleConfigCheck.Problem(Config with { Consoles = [desk with { Role = (ConsoleRole)7 }] }));
    }

    [Fact]
    public void Module_server_refuses_an_unknown_config_format()
    {
        using var dir = new ModuleDataDir(Config with { Format = "vmre-module-config/4" });
        Assert.Equal("module config format 'vmre-module-config/4' is not vmre-module-config/3", ModuleDocuments.Load(dir.Path).Error);
    }

    [Fact]
    public void Malformed_officials_are_refused_with_the_official_named()
    {
        var presidente = Config.Officials[0];
        Assert.Equal("official PRES-01 is listed twice", ModuleConfigCheck.Problem(Config with { Officials = [presidente, presidente] }));
        Assert.StartsWith("official PRES-01's card public key is not an ECDSA P-256 public key",
            ModuleConfigCheck.Problem(Config with { Officials = [presidente with { CardPublicKeyPem = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n" }] }));
        Assert.Equal("official credential id must be 1-32 printable ASCII characters without spaces",
            ModuleConfigCheck.Problem(Config with { Officials = [presidente with { CredentialId = new string('A', 33) }] }));
    }

    [Fact]
    public void Two_officials_with_one_card_key_or_two_presidentes_are_refused()
    {
        // Review finding 10: one card per official, compared as SubjectPublicKeyInfo bytes (a PEM
        // with other line breaks is still the same key); one presidente per module.
        var (presidente, secretario) = (Config.Officials[0], Config.Officials[1]);
        var samePemOtherWrapping = presidente.CardPublicKeyPem.Replace("\n", "\r\n");
        Assert.NotEqual(presidente.CardPublicKeyPem, samePemOtherWrapping);
        Assert.Equal("officials PRES-01 and SEC-01 have the same card public key (one card per official)",
            ModuleConfigCheck.Problem(Config with { Officials = [presidente, secretario with { CardPublicKeyPem = samePemOtherWrapping }] }));
        Assert.Equal("officials PRES-01 and SEC-01 are both presidente: a module has one presidente",
            ModuleConfigCheck.Problem(Config with { Officials = [presidente, secretario with { Role = OfficialRole.Presidente }] }));
        using var dir = new ModuleDataDir(Config with { Officials = [presidente, secretario with { Role = OfficialRole.Presidente }] });
        Assert.Equal("module-config.signed.json: officials PRES-01 and SEC-01 are both presidente: a module has one presidente", ModuleDocuments.Load(dir.Path).Error);
    }

    [Fact]
    public void Module_server_refuses_an_unknown_package_format()
    {
        var package = Vectors.Parse<ElectionPackage>(ElectionPackageVectorTests.PayloadFile)
            with { Format = "vmre-election-package/2" };
        var bytes = VmreJson.Bytes(package);
        using var dir = new ModuleDataDir(Config with { PackageHash = PackageHash.Of(bytes) }, packagePayload: bytes);
        Assert.Equal("election package format 'vmre-election-package/2' is not vmre-election-package/1", ModuleDocuments.Load(dir.Path).Error);
    }
}
