using System.Text;

namespace Vmre.Formats.Tests;

/// <summary>The committed golden files (vectors/), as copied next to the test assembly.</summary>
public static class Vectors
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "vectors", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));
}
