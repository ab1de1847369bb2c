namespace Vmre.Provisioning.Tests.Support;

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

    /// <summary>A signed MRV-CHI slice cut from a small synthetic LNERE, made on first use.</summary>
    public string ChicagoSlice
    {
        get
        {
            var path = Dir.File("slice-MRV-CHI.json");
            if (File.Exists(path)) return path;
            var lnere = Dir.File("fixture-lnere.csv");
            Assert.Equal(0, Cli.Run("lnere", "generate", "--seed", "3", "--out", lnere).Exit);
            Assert.Equal(0, Cli.Run("lnere", "slice", "--lnere", lnere, "--module", "MRV-CHI", "--authority", Key, "--out", path).Exit);
            return path;
        }
    }

    public void Dispose() => Dir.Dispose();
}
