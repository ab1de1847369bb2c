using System.Security.Cryptography;

namespace Vmre.Terminal.Reports;

/// <summary>
/// The hash of the software that runs the vote path, printed on the zero report so officials
/// and observers can compare it with the published build.
/// </summary>
public static class SoftwareHash
{
    private static readonly string[] Assemblies = ["vmre-terminal.dll", "Vmre.Common.dll", "Vmre.Firmware.dll"];
    private static readonly Lazy<string> Value = new(Compute);

    public static string Current => Value.Value;

    private static string Compute()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in Assemblies)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            if (File.Exists(path)) sha.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
