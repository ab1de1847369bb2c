using System.Text;
using Vmre.Common.Signing;
using Vmre.Firmware.Activation;

namespace Vmre.Common.Protocol;

/// <summary>Why an activation token was not accepted as this module's.</summary>
public enum ActivationFlaw { None, Malformed, NotSigned, OtherModule, OtherPackage }

/// <summary>
/// A checked activation token: the token when it decodes, carries the module server's signature
/// and names this module and this election package, or the flaw and the decoder's reason. Each side words the refusal for
/// its own reader (the voter at the terminal, the log at the server); the check is one.
/// </summary>
public sealed record ActivationCheck(ActivationToken? Token, ActivationFlaw Flaw, string Detail)
{
    public bool IsOk => Flaw == ActivationFlaw.None;

    /// <summary>
    /// Decode, verify the module server's signature, the module and the election package
    /// (rules.md R4 and R5; issue 8 point 4: a token from a rehearsal signed with the same keys
    /// names another package). <paramref name="packageHash"/> is the installed package's hash. The
    /// one place that does so: the terminal before it redeems, the server before it burns
    /// (docs/formats/activation-token.md). The firmware codec owns the text; this adds the ECDSA.
    /// </summary>
    public static ActivationCheck Of(string? text, string moduleId, string packageHash, PublicKey serverKey)
    {
        var decoded = ActivationTokenDecoder.Decode(text);
        if (!decoded.Ok) return new(null, ActivationFlaw.Malformed, decoded.Reason);
        var token = decoded.Token;
        if (!serverKey.Verify(Encoding.UTF8.GetBytes(token.SignedPart), token.Signature))
            return new(token, ActivationFlaw.NotSigned, "the signature does not verify with the module server's key");
        if (token.ModuleId != moduleId) return new(token, ActivationFlaw.OtherModule, token.ModuleId);
        if (token.PackageId != ActivationToken.PackageIdOf(packageHash)) return new(token, ActivationFlaw.OtherPackage, token.PackageId);
        return new(token, ActivationFlaw.None, "");
    }
}
