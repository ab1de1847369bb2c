using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Edges;

/// <summary>
/// Issue 11 point 6: after a real server run (check-in, redemption, closing with its acta and the
/// terminals' records) every file in the data folder is 0600 and the folder 0700; on main
/// module.db and the slice were 0644.
/// </summary>
public sealed class DataFileModeTests
{
    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task Every_data_file_is_the_owners_alone_after_a_day()
    {
        await using var module = await TestModule.Prepare();
        // Inputs as an older provisioning left them: world-readable.
        foreach (var file in Directory.GetFiles(module.Dir)) File.SetUnixFileMode(file, Owner | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(module.Dir, (UnixFileMode)0b111_101_101);
        await module.Start();
        await module.OpenPolls();
        var activation = await module.CheckIn(await module.SignIn(), TestElection.Voters[0].Clave);
        Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(activation, "T1"))).Value!.Accepted);
        var closed = await module.Client(await module.SignIn("PRES-01")).ClosePolls();
        Assert.True(closed.IsOk, closed.Error);
        await module.Stop();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(module.Dir));
        var data = new[] { "module.db", "events.jsonl", "lnere-slice.signed.json" }.Select(f => Path.Combine(module.Dir, f)).ToList();
        Assert.All(data, f => Assert.True(File.Exists(f), f));
        Assert.Contains(Directory.GetFiles(module.Dir), f => Path.GetFileName(f).StartsWith("acta", StringComparison.Ordinal));
        // The signed package and config are public documents the server only reads (provisioning
        // writes them, through AtomicFile, 0600 since issue 11); public keys are public. Everything
        // else here the server wrote or holds voters in.
        string[] publicInputs = ["election-package.signed.json", "module-config.signed.json"];
        var written = Directory.GetFiles(module.Dir, "*", SearchOption.AllDirectories)
            .Where(f => !publicInputs.Contains(Path.GetFileName(f)) && !f.EndsWith(".pem", StringComparison.Ordinal));
        Assert.All(written, f => Assert.True(File.GetUnixFileMode(f) == Owner, $"{Path.GetRelativePath(module.Dir, f)} is {File.GetUnixFileMode(f)}"));
        Assert.All(Directory.GetDirectories(module.Dir, "*", SearchOption.AllDirectories),
            d => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(d)));
    }
}
