using Vmre.Common.Election;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Tpm;
using Vmre.ModuleServer.Tests.Support;
using Vmre.ModuleServer.Tpm;

namespace Vmre.ModuleServer.Tests.Roots;

/// <summary>
/// Issue 11 point 5, the trust root (a real swtpm): provisioning writes the authority key's
/// fingerprint once into a TPM NV index; the server then refuses an authority.pub.pem it was not
/// provisioned for — even with every document re-signed by the swapped key — and a TPM without
/// the index; the index cannot be written a second time.
/// </summary>
public sealed class AuthorityRootTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SwtpmInstance _swtpm;

    public AuthorityRootTests() => _swtpm = SwtpmInstance.Start(_dir.Sub("swtpm"));

    private int Provision(string dataDir, string authorityPub) =>
        ServerProvisioning.Run(dataDir, _swtpm.Tcti, authorityPub, TextWriter.Null, TextWriter.Null);

    private async Task<TestModule> ProvisionedModule()
    {
        var module = await TestModule.Prepare();
        Assert.Equal(0, Provision(module.Dir, Path.Combine(module.Dir, "authority.pub.pem")));
        module.UseTpm(_swtpm.Tcti, File.ReadAllText(Path.Combine(module.Dir, ServerTpm.PublicFile)));
        return module;
    }

    [Fact]
    public async Task The_server_starts_with_the_authority_it_was_provisioned_for()
    {
        await using var module = await ProvisionedModule();
        await module.Start();
        using var tpm = new FapiTpm(ServerTpm.Config(module.Dir, _swtpm.Tcti));
        Assert.Equal(AuthorityRoot.Fingerprint(module.Authority.PublicKeyPem), tpm.ReadWriteOnce(AuthorityRoot.NvPath));
    }

    [Fact]
    public async Task A_swapped_authority_key_with_every_document_re_signed_by_it_is_refused()
    {
        await using var module = await ProvisionedModule();
        var impostor = SoftwareSigningKey.Generate();
        // Everything the folder holds, re-signed: only the TPM's fingerprint can tell.
        File.WriteAllText(Path.Combine(module.Dir, "authority.pub.pem"), impostor.PublicKeyPem);
        module.Sign(DocumentKinds.ElectionPackage, module.Package, "election-package.signed.json", impostor);
        module.Sign(DocumentKinds.LnereSlice, TestElection.Slice(), "lnere-slice.signed.json", impostor);
        module.Sign(DocumentKinds.ModuleConfig, module.Config(), "module-config.signed.json", impostor);

        var built = module.Build();

        Assert.False(built.IsOk);
        var expected = $"authority.pub.pem has fingerprint {Convert.ToHexStringLower(AuthorityRoot.Fingerprint(impostor.PublicKeyPem))}, "
            + $"but the server's TPM was provisioned for authority {Convert.ToHexStringLower(AuthorityRoot.Fingerprint(module.Authority.PublicKeyPem))}";
        Assert.StartsWith(expected, built.Error);
        // Review finding 1: refused before the swapped key verified anything: the refusal is logged
        // under the neutral device name, not the forged config's module id, and nothing was
        // imported — there is no module.db at all.
        Assert.Contains(module.LogLines(), l => l.Contains("\"module-server-refused\"", StringComparison.Ordinal) && l.Contains(expected, StringComparison.Ordinal)
            && l.Contains("\"device\":\"module-server\"", StringComparison.Ordinal));
        Assert.DoesNotContain(module.LogLines(), l => l.Contains($"\"device\":\"{TestElection.ModuleId}\"", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(module.Dir, "module.db")));

        // The genuine files put back: the server starts and imports the genuine slice.
        File.WriteAllText(Path.Combine(module.Dir, "authority.pub.pem"), module.Authority.PublicKeyPem);
        module.Sign(DocumentKinds.ElectionPackage, module.Package, "election-package.signed.json", module.Authority);
        module.Sign(DocumentKinds.LnereSlice, TestElection.Slice(), "lnere-slice.signed.json", module.Authority);
        module.Sign(DocumentKinds.ModuleConfig, module.Config(), "module-config.signed.json", module.Authority);
        await module.Start();
        Assert.Contains(module.LogLines(), l => l.Contains("\"module-server-started\"", StringComparison.Ordinal)
            && l.Contains($"\"votersImported\":\"{TestElection.Slice().Voters.Count}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_fingerprint_cannot_be_written_a_second_time()
    {
        var data = _dir.Sub("server");
        var first = Path.Combine(Directory.CreateDirectory(_dir.Sub("a")).FullName, "authority.pub.pem");
        File.WriteAllText(first, SoftwareSigningKey.Generate().PublicKeyPem);
        Assert.Equal(0, Provision(data, first));
        using var tpm = new FapiTpm(ServerTpm.Config(data, _swtpm.Tcti));
        var held = tpm.ReadWriteOnce(AuthorityRoot.NvPath);

        var error = Assert.Throws<TpmError>(() => tpm.WriteOnce(AuthorityRoot.NvPath, AuthorityRoot.Fingerprint(SoftwareSigningKey.Generate().PublicKeyPem)));

        Assert.Contains("NvWrite", error.Message);
        Assert.Equal(held, tpm.ReadWriteOnce(AuthorityRoot.NvPath));
        Assert.Equal(AuthorityRoot.Fingerprint(File.ReadAllText(first)), held);
    }

    [Fact]
    public async Task A_TPM_without_the_fingerprint_index_is_refused()
    {
        await using var module = await ProvisionedModule();
        using (var tpm = new FapiTpm(ServerTpm.Config(module.Dir, _swtpm.Tcti)))
            tpm.Delete(AuthorityRoot.NvPath); // as a server provisioned before issue 11 has it

        var built = module.Build();

        Assert.False(built.IsOk);
        Assert.StartsWith($"the server's TPM holds no authority fingerprint ({AuthorityRoot.NvPath})", built.Error);
    }

    public void Dispose()
    {
        _swtpm.Dispose();
        _dir.Dispose();
    }
}
