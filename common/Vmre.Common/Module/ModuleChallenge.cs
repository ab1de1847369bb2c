using System.Security.Cryptography;
using Vmre.Common.Serialization;

namespace Vmre.Common.Module;

/// <summary>
/// A terminal's answer to POST /api/module/challenge (issue 8 point 3): 128 fresh bits from the
/// OS CSPRNG (rules.md R3) that the next module command must echo as its nonce. It is not signed:
/// what it proves comes later, when the terminal finds its own outstanding challenge inside a
/// command the module server signed.
/// </summary>
public sealed record ModuleChallenge(string Format, string Nonce)
{
    public const string FormatV1 = "vmre-module-challenge/1";

    public static ModuleChallenge Fresh() => new(FormatV1, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <summary>What the module server accepts as a challenge: this version, 32 lowercase hex digits.</summary>
    public Parsed<ModuleChallenge> Check()
    {
        if (Format != FormatV1) return Parsed<ModuleChallenge>.Fail($"challenge format '{Format}' is not {FormatV1}");
        return IsNonce(Nonce) ? Parsed<ModuleChallenge>.Ok(this) : Parsed<ModuleChallenge>.Fail("challenge nonce is not 32 lowercase hex digits");
    }

    public static bool IsNonce(string? text) =>
        text is { Length: 32 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
