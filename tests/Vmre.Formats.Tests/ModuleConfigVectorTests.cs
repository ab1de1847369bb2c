using Vmre.ModuleServer.Documents;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-module-config/1` (docs/formats/module-config.md), kept for the record: v2 and then v3
/// replaced it and every reader refuses it by name (ModuleConfigV3VectorTests holds the live
/// format). vectors/module-config.payload.json stays byte-identical; its PIN verifiers are for
/// PIN <see cref="Pin"/>.
/// </summary>
public class ModuleConfigVectorTests
{
    public const string Pin = "482913";
    private const string ConfigFile = "module-config.payload.json";

    [Fact]
    public void Golden_v1_config_keeps_its_fields()
    {
        using var json = System.Text.Json.JsonDocument.Parse(Vectors.Bytes(ConfigFile));
        var root = json.RootElement;
        Assert.Equal(("vmre-module-config/1", "MRV-CHI", "Chicago"),
            (root.GetProperty("format").GetString(), root.GetProperty("moduleId").GetString(), root.GetProperty("name").GetString()));
        Assert.Equal(["PRES-01", "SEC-01", "ESC-01", "TEC-01", "OBS-01"],
            root.GetProperty("officials").EnumerateArray().Select(o => o.GetProperty("credentialId").GetString()));
    }

    [Fact]
    public void Module_server_refuses_the_v1_golden_config_by_name()
    {
        using var dir = new ModuleDataDir(Vectors.Bytes(ConfigFile));
        Assert.Equal("module config format 'vmre-module-config/1' is retired (no activation expiry, no consoles): "
            + "provision it again as vmre-module-config/3 with vmre-provision module configure", ModuleDocuments.Load(dir.Path).Error);
    }
}
