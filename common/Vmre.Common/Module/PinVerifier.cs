using System.Security.Cryptography;
using System.Text;

namespace Vmre.Common.Module;

/// <summary>PINs are stored only as salted PBKDF2-SHA256 verifiers and compared in constant time.</summary>
public static class PinVerifier
{
    private const int Iterations = 100_000;

    public static (string Salt, string Hash) Create(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (Convert.ToBase64String(salt), Convert.ToBase64String(Derive(pin, salt)));
    }

    public static bool Matches(OfficialEntry official, string pin)
    {
        var expected = Convert.FromBase64String(official.PinHash);
        var actual = Derive(pin, Convert.FromBase64String(official.PinSalt));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static byte[] Derive(string pin, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
