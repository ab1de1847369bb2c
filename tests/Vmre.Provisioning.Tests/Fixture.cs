namespace Vmre.Provisioning.Tests;

/// <summary>An authority key pair and a signed demo package in a scratch directory.</summary>
public sealed class Fixture : IDisposable
{
    public Fixture()
    {
        Assert.Equal(0, Cli.Run("authority", "init", "--out", Dir.File("auth")).Exit);
        Assert.Equal(0, Cli.Run("package", "build", "--authority", Key, "--out", Package).Exit);
    }

    public TempDir Dir { get; } = new();
    public string Key => Dir.File("auth/authority.key");
    public string Pub => Dir.File("auth/authority.pub.pem");
    public string Package => Dir.File("election-package.json");

    public void Dispose() => Dir.Dispose();
}
