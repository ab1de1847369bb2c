namespace Vmre.Tools.Paper;

/// <summary>Where the pages of one stream go: the --out name itself, or NAME-1.png, NAME-2.png, ...</summary>
public static class PageFileNames
{
    public static IReadOnlyList<string> For(string outPath, int pages)
    {
        if (pages == 1) return [outPath];
        var extension = Path.GetExtension(outPath);
        if (extension.Length == 0) extension = ".png";
        var stem = Path.ChangeExtension(outPath, null);
        return Enumerable.Range(1, pages).Select(i => $"{stem}-{i}{extension}").ToArray();
    }
}
