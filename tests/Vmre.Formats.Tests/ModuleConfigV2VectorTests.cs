using Vmre.ModuleServer.Documents;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-module-config/2`, retired by issue 11 point 1: its officials carried PBKDF2 PIN verifiers
/// (pinSalt, pinHash) that anyone with the world-readable file could attack offline. Its golden
/// vector, vectors/module-config-v2.payload.json, stays byte-identical for the record; every reader
/// refuses it by name, though its fields no longer parse into a v3 config.
/// </summary>
public class ModuleConfigV2VectorTests
{
    private const string ConfigFile = "module-config-v2.payload.json";

    [Fact]
    public void The_golden_v2_vector_is_the_retired_shape_with_pin_verifiers()
    {
        using var json = System.Text.Json.JsonDocument.Parse(Vectors.Bytes(ConfigFile));
        Assert.Equal("vmre-module-config/2", json.RootElement.GetProperty("format").GetString());
        Assert.All(json.RootElement.GetProperty("officials").EnumerateArray(), o =>
            Assert.Equal(["credentialId", "role", "name", "pinSalt", "pinHash"], o.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public void Module_server_refuses_the_v2_golden_config_by_name()
    {
        using var dir = new ModuleDataDir(Vectors.Bytes(ConfigFile));
        Assert.Equal("module config format 'vmre-module-config/2' is retired (its PIN verifiers can be attacked offline): "
            + "provision it again as vmre-module-config/3 with the officials' card public keys (vmre-provision module configure)",
            ModuleDocuments.Load(dir.Path).Error);
    }
}
