using System.Text;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Firmware.Activation;

namespace Vmre.ModuleServer.Activations;

/// <summary>
/// Issues and checks activation tokens v2 (docs/formats/activation-token.md) with the module
/// server's key, bound to this module and this election package (issue 8 point 4). The firmware
/// codec owns the text format; this adds the ECDSA it cannot do.
/// </summary>
public sealed class ActivationTokens(string moduleId, string packageHash, ISigner serverKey, PublicKey serverPublicKey)
{
    private readonly string _packageId = ActivationToken.PackageIdOf(packageHash);

    public string Issue(string ballotStyle, string nonce)
    {
        var unsigned = ActivationToken.Unsigned(moduleId, _packageId, ballotStyle, nonce);
        return ActivationToken.WithSignature(unsigned, serverKey.Sign(Encoding.UTF8.GetBytes(unsigned)));
    }

    /// <summary>Decode, verify the server's own signature, the module and the package (rules.md R4 and R5), by the check the terminal makes too.</summary>
    public Parsed<ActivationToken> Verify(string? text) => Verify(text, out _);

    /// <inheritdoc cref="Verify(string?)"/>
    /// <param name="refusal">A short code for the flaw ("" when none), counted on the voter-activity line (issue 9 point 3).</param>
    public Parsed<ActivationToken> Verify(string? text, out string refusal)
    {
        var check = ActivationCheck.Of(text, moduleId, packageHash, serverPublicKey);
        refusal = check.Flaw switch
        {
            ActivationFlaw.None => "",
            ActivationFlaw.Malformed => "malformed",
            ActivationFlaw.NotSigned => "bad-signature",
            ActivationFlaw.OtherModule => "other-module",
            ActivationFlaw.OtherPackage => "other-package",
            _ => throw new ArgumentOutOfRangeException(nameof(text), check.Flaw, "unknown activation flaw"),
        };
        return check.Flaw switch
        {
            ActivationFlaw.None => Parsed<ActivationToken>.Ok(check.Token!),
            ActivationFlaw.Malformed => Parsed<ActivationToken>.Fail("malformed activation: " + check.Detail),
            ActivationFlaw.NotSigned => Parsed<ActivationToken>.Fail("activation signature does not verify"),
            ActivationFlaw.OtherModule => Parsed<ActivationToken>.Fail($"activation was issued by module {check.Detail}, not {moduleId}"),
            ActivationFlaw.OtherPackage => Parsed<ActivationToken>.Fail(
                $"activation was issued for election package {check.Detail}, not {_packageId}"),
            _ => throw new ArgumentOutOfRangeException(nameof(text), check.Flaw, "unknown activation flaw"),
        };
    }
}
