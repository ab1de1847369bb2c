using System.Security.Cryptography;
using Vmre.Audit.Documents;
using Vmre.Cli;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Tools.Testigo;

/// <summary>
/// Opens a signed election package against the authority's public key file (rules.md R5:
/// verify before use), each failure a reason: a missing or unreadable file, a private key
/// given as the public one, a key that is not P-256, a bad signature, an unknown format.
/// </summary>
public static class SignedPackage
{
    public static Parsed<VerifiedPackage> Open(string path, string publicKeyPath)
    {
        if (InputFile.Problem(publicKeyPath, "--authority-pub") is { } keyProblem) return Parsed<VerifiedPackage>.Fail(keyProblem);
        if (InputFile.Problem(path, "--package") is { } packageProblem) return Parsed<VerifiedPackage>.Fail(packageProblem);
        var pem = File.ReadAllText(publicKeyPath);
        if (pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            return Parsed<VerifiedPackage>.Fail($"--authority-pub {publicKeyPath} is a private key; give its public key (.pub.pem)");
        PublicKey authority;
        try { authority = PublicKey.FromPem(pem); }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return Parsed<VerifiedPackage>.Fail($"--authority-pub {publicKeyPath} is not an ECDSA P-256 public key in PEM: {e.Message}");
        }
        // Opened by the auditor's own code, so this tool and vmre-provision verify agree.
        var opened = ElectionPackageFile.Open(path, authority);
        return opened.IsOk ? opened : Parsed<VerifiedPackage>.Fail($"{path}: {opened.Error}");
    }
}
