using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Documents;

namespace Vmre.Formats.Tests;

/// <summary>
/// A module server data directory holding the golden payloads signed by a throwaway authority,
/// with a fresh server key that the config is re-pointed to.
/// </summary>
internal sealed class ModuleDataDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("vmre-formats-").FullName;

    public ModuleDataDir(ModuleConfig config, byte[]? packagePayload = null)
        : this(server => VmreJson.Bytes(config with { ServerPublicKeyPem = server }), packagePayload)
    {
    }

    /// <summary>A config payload as given (a retired version's golden bytes, which no longer parse into <see cref="ModuleConfig"/>).</summary>
    public ModuleDataDir(byte[] configPayload) : this(_ => configPayload, null)
    {
    }

    private ModuleDataDir(Func<string, byte[]> configPayload, byte[]? packagePayload)
    {
        var authority = SoftwareSigningKey.Generate();
        var server = SoftwareSigningKey.Generate();
        File.WriteAllText(System.IO.Path.Combine(Path, ModuleDocuments.AuthorityFile), authority.PublicKeyPem);
        server.Save(System.IO.Path.Combine(Path, ModuleDocuments.ServerKeyFile));
        Sign(authority, ModuleDocuments.PackageFile, DocumentKinds.ElectionPackage,
            packagePayload ?? Vectors.Bytes(ElectionPackageVectorTests.PayloadFile));
        Sign(authority, ModuleDocuments.SliceFile, DocumentKinds.LnereSlice, Vectors.Bytes("lnere-slice-MRV-CHI.payload.json"));
        Sign(authority, ModuleDocuments.ConfigFile, DocumentKinds.ModuleConfig, configPayload(server.PublicKeyPem));
    }

    private void Sign(ISigner signer, string file, string kind, byte[] payload) =>
        new SignedDocument(SignedDocument.FormatV1, kind, signer.KeyId, Convert.ToBase64String(payload),
            Convert.ToBase64String(signer.Sign(payload))).WriteFile(System.IO.Path.Combine(Path, file));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
