using Vmre.Common.Lan;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Tpm;
using Vmre.ModuleServer.Tests.Support;
using Vmre.ModuleServer.Tpm;

namespace Vmre.ModuleServer.Tests.Startup;

/// <summary>
/// Issue 8 point 2: the module server's key lives in its own TPM (a real swtpm here), is made by
/// `provision`, and is the only key `run` signs with; rules.md R5.
/// </summary>
public sealed class ServerTpmTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SwtpmInstance _swtpm;

    public ServerTpmTests() => _swtpm = SwtpmInstance.Start(_dir.Sub("swtpm"));

    private (int Exit, string Out, string Err) Provision(string dataDir, string tcti)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // Issue 11 point 5: the authority's fingerprint goes into the TPM at provisioning.
        var authority = Path.Combine(dataDir, "authority.pub.pem");
        if (!File.Exists(authority))
        {
            authority = Path.Combine(Directory.CreateDirectory(_dir.Sub("authority")).FullName, "authority.pub.pem");
            File.WriteAllText(authority, SoftwareSigningKey.Generate().PublicKeyPem);
        }
        var exit = ServerProvisioning.Run(dataDir, tcti, authority, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Provision_writes_the_public_key_of_a_key_that_signs_in_the_TPM_and_refuses_a_second_time()
    {
        var data = _dir.Sub("server");
        var first = Provision(data, _swtpm.Tcti);
        Assert.Equal(0, first.Exit);
        var pem = File.ReadAllText(Path.Combine(data, ServerTpm.PublicFile));
        Assert.Contains(PublicKey.FromPem(pem).KeyId, first.Out);
        Assert.Empty(Directory.GetFiles(data, "*.key", SearchOption.AllDirectories));

        using (var tpm = new FapiTpm(ServerTpm.Config(data, _swtpm.Tcti)))
        {
            var signer = new TpmSigner(tpm, ServerTpm.KeyPath);
            Assert.True(PublicKey.FromPem(pem).Verify("acta"u8.ToArray(), signer.Sign("acta"u8)));
        }

        var second = Provision(data, _swtpm.Tcti);
        Assert.Equal(1, second.Exit);
        Assert.Contains("module server already provisioned in", second.Err);
        Assert.Equal(pem, File.ReadAllText(Path.Combine(data, ServerTpm.PublicFile)));
    }

    [Fact]
    public async Task A_TPM_whose_key_is_not_the_paired_one_is_refused()
    {
        await using var module = await TestModule.Prepare();
        Assert.Equal(0, Provision(module.Dir, _swtpm.Tcti).Exit);
        module.UseTpm(_swtpm.Tcti, pinnedPem: null); // the config still pins another key

        var built = module.Build();
        Assert.False(built.IsOk);
        Assert.Contains("the TPM's server key is key", built.Error);
        Assert.Contains("but the module config pairs this module with key " + PublicKey.FromPem(module.ServerKey.PublicKeyPem).KeyId, built.Error);
        Assert.Contains(module.LogLines(), l => l.Contains("module-server-refused") && l.Contains("the TPM's server key is key"));
    }

    [Fact]
    public async Task Runs_on_its_TPM_and_signs_activations_and_its_LAN_leaf_with_the_configs_server_key()
    {
        await using var module = await TestModule.Prepare();
        Assert.Equal(0, Provision(module.Dir, _swtpm.Tcti).Exit);
        var pinned = File.ReadAllText(Path.Combine(module.Dir, ServerTpm.PublicFile));
        module.UseTpm(_swtpm.Tcti, pinned);
        await module.Start();
        var serverKey = PublicKey.FromPem(module.Config().ServerPublicKeyPem);
        Assert.NotEqual(PublicKey.FromPem(module.ServerKey.PublicKeyPem).KeyId, serverKey.KeyId);

        // The LAN face's leaf is certified by the TPM key the config pins (issue 8 point 2).
        var proven = new PairedPeers(new Dictionary<string, PublicKey> { [TestElection.ModuleId] = serverKey })
            .Identify(module.App!.LanIdentity.Certificate);
        Assert.True(proven.IsOk, proven.Error);

        // Opening sends module commands the fake terminals verify under the pinned key; the
        // activation token and the redemption answer are signed in the TPM too.
        await module.OpenPolls();
        var activation = await module.CheckIn(await module.SignIn(), TestElection.Voters[1].Clave);
        var check = ActivationCheck.Of(activation, TestElection.ModuleId, module.PackageHash, serverKey);
        Assert.True(check.IsOk, check.Detail);
        var answer = await module.Terminal("T1").RedeemAsync(module.Redeem(activation, "T1"));
        Assert.True(answer.Value!.Accepted, answer.Value.Reason);

        // The simulator's intruder signs with the server's key this way (ModuleRig.OpenServerKey):
        // a second FAPI context on the keystore, beside the running server, which keeps serving.
        using (var second = new FapiTpm(ServerTpm.Config(module.Dir, _swtpm.Tcti)))
            Assert.True(serverKey.Verify("x"u8.ToArray(), new TpmSigner(second, ServerTpm.KeyPath).Sign("x"u8)));
        var again = await module.Terminal("T2").RedeemAsync(module.Redeem(await module.CheckIn(await module.SignIn(), TestElection.Voters[2].Clave), "T2"));
        Assert.True(again.Value!.Accepted, again.Value.Reason);
    }

    public void Dispose()
    {
        _swtpm.Dispose();
        _dir.Dispose();
    }
}
