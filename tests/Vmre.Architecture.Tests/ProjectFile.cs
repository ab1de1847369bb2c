using System.Xml.Linq;

namespace Vmre.Architecture.Tests;

/// <summary>One .csproj as the build sees it: where it is, whether it is a program, what it references.</summary>
public sealed record ProjectFile(string RelativePath, Layer? Layer, bool IsExecutable, IReadOnlyList<string> References)
{
    public string Name => Path.GetFileNameWithoutExtension(RelativePath);

    public static ProjectFile Read(string root, string fullPath)
    {
        var xml = XDocument.Load(fullPath);
        var dir = Path.GetDirectoryName(fullPath)!;
        string[] references = [.. xml.Descendants("ProjectReference")
            .Select(r => (string?)r.Attribute("Include"))
            .OfType<string>()
            .Select(include => Relative(root, Path.GetFullPath(Path.Combine(dir, include.Replace('\\', '/')))))];
        return new ProjectFile(Relative(root, fullPath), Layers.Of(Relative(root, fullPath)), IsExe(xml), references);
    }

    /// <summary>
    /// A program: OutputType Exe (or WinExe), or the web SDK, whose default output is a program,
    /// unless the project says Library.
    /// </summary>
    private static bool IsExe(XDocument xml)
    {
        var outputType = xml.Descendants("OutputType").Select(e => e.Value.Trim()).LastOrDefault();
        if (outputType is not null) return outputType is "Exe" or "WinExe";
        return ((string?)xml.Root?.Attribute("Sdk") ?? "").StartsWith("Microsoft.NET.Sdk.Web", StringComparison.Ordinal);
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
