using System.CommandLine;
using Vmre.Cli;

namespace Vmre.Tools.Paper;

/// <summary>
/// `render-escpos`: print an ESC/POS byte stream (a capture of what a terminal sent its
/// printer) as the simulator's printer would, to PNG files anyone can look at (BRIEF §4).
/// </summary>
public sealed class RenderEscPosCommand : ICommand
{
    private readonly Argument<string> _file = new("FILE") { Description = "the ESC/POS capture" };
    private readonly Option<string> _out = new("--out") { Description = "the PNG to write (NAME.png); several pages become NAME-1.png, NAME-2.png, ...", Required = true };
    private readonly Option<string> _width = new Option<string>("--width") { Description = "paper width in mm: 80 (default) or 58" }.AcceptOnlyFromAmong("80", "58");

    public string Name => "render-escpos";

    public string Description =>
        "Render an ESC/POS byte stream to PNG as the printer emulator prints it.\n" +
        "One page: the --out file. Several cut pages: NAME-1.png, NAME-2.png, ... beside it.\n" +
        "Content after the last cut is a page too. Prints the pages and the printer's notices.\n" +
        "example: vmre-tools render-escpos testigo.bin --out testigo.png";

    public IEnumerable<Symbol> Symbols => [_file, _out, _width];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        if (PaperWidths.Parse(parsed.GetValue(_width)) is not { } width)
            return CommandLineProgram.Usage(parsed, error, $"--width must be 80 or 58, not '{parsed.GetValue(_width)}'");
        var path = parsed.GetRequiredValue(_file);
        if (InputFile.Problem(path, "ESC/POS capture") is { } problem) return Refusal.Write(error, problem);
        var (pages, notices) = EscPosPaper.Print(File.ReadAllBytes(path), width);
        if (pages.Count == 0) return Refusal.Write(error, $"{path}: nothing was printed ({notices.Count} notices)");

        var names = PageFileNames.For(parsed.GetRequiredValue(_out), pages.Count);
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
