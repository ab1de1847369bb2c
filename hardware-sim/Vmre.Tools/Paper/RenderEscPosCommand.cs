using Vmre.Provisioning.Cli;
using Vmre.Tools.Cli;

namespace Vmre.Tools.Paper;

/// <summary>
/// `render-escpos`: print an ESC/POS byte stream (a capture of what a terminal sent its
/// printer) as the simulator's printer would, to PNG files anyone can look at (BRIEF §4).
/// </summary>
public sealed class RenderEscPosCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "render-escpos",
        "Render an ESC/POS byte stream to PNG as the printer emulator prints it.\n" +
        "One page: the --out file. Several cut pages: NAME-1.png, NAME-2.png, ... beside it.\n" +
        "Content after the last cut is a page too. Prints the pages and the printer's notices.",
        [
            OptionSpec.Need("--out", "the PNG to write (NAME.png); several pages become NAME-1.png, NAME-2.png, ..."),
            OptionSpec.May("--width", "paper width in mm: 80 (default) or 58"),
        ],
        Positionals: "FILE", MinPositionals: 1, MaxPositionals: 1,
        Example: "vmre-tools render-escpos testigo.bin --out testigo.png");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        if (PaperWidths.Parse(args.Optional("--width")) is not { } width)
            return ToolTable.Usage(error, Spec, $"--width must be 80 or 58, not '{args.Optional("--width")}'");
        var path = args.Positionals[0];
        if (!File.Exists(path)) return Refusal.Write(error, $"file not found: {path}");
        var (pages, notices) = EscPosPaper.Print(File.ReadAllBytes(path), width);
        if (pages.Count == 0) return Refusal.Write(error, $"{path}: nothing was printed ({notices.Count} notices)");

        var names = PageFileNames.For(args.Value("--out"), pages.Count);
        for (int i = 0; i < pages.Count; i++)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(names[i]));
            if (directory is not null) Directory.CreateDirectory(directory);
            File.WriteAllBytes(names[i], pages[i].Png);
            output.WriteLine($"page {i + 1}: {names[i]} ({pages[i].QrPayloads.Length} QR)");
        }
        output.WriteLine($"pages: {pages.Count}");
        output.WriteLine($"notices: {notices.Count}");
        foreach (var (notice, count) in notices.GroupBy(n => n).Select(g => (g.Key, g.Count())))
            output.WriteLine(count == 1 ? $"  {notice}" : $"  {notice} (x{count})");
        return ExitCode.Ok;
    }
}
