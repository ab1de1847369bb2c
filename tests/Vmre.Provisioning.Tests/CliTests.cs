namespace Vmre.Provisioning.Tests;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

public class CliTests
{
    [Theory]
    [InlineData("authority", "init")]
    [InlineData("package", "build")]
    [InlineData("package", "show")]
    [InlineData("lnere", "generate")]
    [InlineData("lnere", "slice")]
    [InlineData("module", "configure")]
    [InlineData("terminal", "measure")]
    [InlineData("verify")]
    [InlineData("logs", "verify")]
    [InlineData("logs", "export")]
    public void Every_command_has_help(params string[] words)
    {
        var run = Cli.Run([.. words, "--help"]);
        Assert.Equal(0, run.Exit);
        Assert.Contains("vmre-provision " + string.Join(' ', words), run.Out);
        Assert.Contains("example: vmre-provision " + string.Join(' ', words), run.Out);
    }

    [Fact]
    public void No_command_prints_the_overview()
    {
        var run = Cli.Run();
        Assert.Equal(0, run.Exit);
        foreach (var group in new[] { "authority", "package", "lnere", "module", "terminal", "verify", "logs" })
            Assert.Contains(group, run.Out);
    }

    [Fact]
    public void Missing_option_is_a_usage_error()
    {
        var run = Cli.Run("package", "build", "--out", "x.json");
        Assert.Equal(2, run.Exit);
        Assert.Contains("--authority", run.Err);
        Assert.Contains("try 'vmre-provision package build --help'", run.Err);
    }

    [Fact]
    public void Unknown_command_and_option_are_usage_errors()
    {
        Assert.Equal(2, Cli.Run("package", "burn").Exit);
        Assert.Equal(2, Cli.Run("package").Exit);
        var run = Cli.Run("lnere", "generate", "--seed", "1", "--out", "x", "--colour", "red");
        Assert.Equal(2, run.Exit);
        Assert.Contains("--colour", run.Err);
    }

    [Fact]
    public void Authority_init_refuses_to_overwrite_a_key()
    {
        using var dir = new TempDir();
        Assert.Equal(0, Cli.Run("authority", "init", "--out", dir.Path).Exit);
        var before = File.ReadAllText(dir.File("authority.key"));
        var again = Cli.Run("authority", "init", "--out", dir.Path);
        Assert.Equal(1, again.Exit);
        Assert.Contains("already exists", again.Err);
        Assert.Equal(before, File.ReadAllText(dir.File("authority.key")));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dir.File("authority.key")));
    }
}
