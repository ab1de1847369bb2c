using Vmre.Provisioning.Authority;

namespace Vmre.Formats.Tests;

/// <summary>docs/formats/key-file.md: the role line before a private key's PEM block, byte for byte.</summary>
public sealed class KeyFileVectorTests
{
    private const string Example = "VMRE-Key-Role: authority\n-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

    [Fact]
    public void The_role_lines_are_the_documented_bytes()
    {
        Assert.Equal("VMRE-Key-Role: authority\n", KeyRoleLabel.Line(KeyRole.Authority));
        Assert.Equal("VMRE-Key-Role: module-server\n", KeyRoleLabel.Line(KeyRole.ModuleServer));
    }

    [Fact]
    public void The_documented_example_reads_as_an_authority_key()
    {
        Assert.Equal(KeyRole.Authority, KeyRoleLabel.Read(Example).Role);
    }

    [Theory]
    [InlineData("VMRE-Key-Role: auditor\n-----BEGIN PRIVATE KEY-----\n", "auditor")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nVMRE-Key-Role: authority\n", null)]
    public void An_unknown_role_or_a_line_inside_the_block_names_no_role(string text, string? said)
    {
        var (role, read) = KeyRoleLabel.Read(text);
        Assert.Null(role);
        Assert.Equal(said, read);
    }
}
