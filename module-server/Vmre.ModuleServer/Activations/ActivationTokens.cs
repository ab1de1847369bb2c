using System.Text;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Firmware.Activation;

namespace Vmre.ModuleServer.Activations;

/// <summary>
/// Issues and checks activation tokens v1 (docs/formats/activation-token.md) with the module
/// server's key. The firmware codec owns the text format; this adds the ECDSA it cannot do.
/// </summary>
public sealed class ActivationTokens(string moduleId, ISigner serverKey, PublicKey serverPublicKey)
{
    public string Issue(string ballotStyle, string nonce)
    {
        var unsigned = ActivationToken.Unsigned(moduleId, ballotStyle, nonce);
        return ActivationToken.WithSignature(unsigned, serverKey.Sign(Encoding.UTF8.GetBytes(unsigned)));
    }

    /// <summary>Decode, verify the server's own signature and the module (brief rules 4 and 5).</summary>
    public Parsed<ActivationToken> Verify(string? text)
    {
        var decoded = ActivationTokenDecoder.Decode(text);
        if (!decoded.Ok) return Parsed<ActivationToken>.Fail("malformed activation: " + decoded.Reason);
        var token = decoded.Token;
        if (!serverPublicKey.Verify(Encoding.UTF8.GetBytes(token.SignedPart), token.Signature))
            return Parsed<ActivationToken>.Fail("activation signature does not verify");
        if (token.ModuleId != moduleId)
            return Parsed<ActivationToken>.Fail($"activation was issued by module {token.ModuleId}, not {moduleId}");
        return Parsed<ActivationToken>.Ok(token);
    }
}
