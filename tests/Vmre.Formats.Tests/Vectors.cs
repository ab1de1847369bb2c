using System.Text;
using Vmre.Common.Serialization;

namespace Vmre.Formats.Tests;

/// <summary>The committed golden files (vectors/), as copied next to the test assembly.</summary>
public static class Vectors
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "vectors", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));

    /// <summary>The vector parsed as a VMRE document; throws if it does not parse.</summary>
    public static T Parse<T>(string name) where T : class => VmreJson.Parse<T>(Bytes(name)).ValueOrThrow();
}
