using System.Text;
using System.Text.RegularExpressions;
using Vmre.HardwareSim.Printer.EscPos;
using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.FuzzTargets.Targets;

/// <summary>What the printer made of one stream: pages cut, QR data printed, notices raised.</summary>
public sealed record EscPosInterpretation(int Pages, IReadOnlyList<string> QrPayloads, IReadOnlyList<string> Notices);

/// <summary>
/// The ESC/POS code under fuzz, in ONE file so the integrator can point it at the offline
/// interpreter's <c>EscPosFuzzTarget.Run(byte[])</c> when that lands. Today: the printer
/// emulator's <see cref="EscPosReader"/> feeding a <see cref="PageComposer"/> the way
/// PrinterEmulator.Apply does (offline: no status line to answer, no paper state).
/// </summary>
public static partial class EscPosUnderFuzz
{
    public static EscPosInterpretation Run(byte[] bytes)
    {
        var whole = Read(bytes, [bytes.Length]);
        // Serial bytes arrive in any chunks: the reader must make the same commands of them.
        var chunked = Read(bytes, ChunkSizes(bytes));
        if (!whole.Keys().SequenceEqual(chunked.Keys()))
            throw new PropertyViolation("reading in chunks made different commands than reading at once");

        var composer = new PageComposer();
        var notices = new List<string>();
        var pages = new List<IReadOnlyList<PageBlock>>();
        foreach (var command in whole.Commands) Apply(composer, command, notices, pages);
        if (whole.Pending > 0) notices.Add("incomplete command at end of stream");
        var rest = composer.Cut(0);
        if (rest.Count > 0) pages.Add(rest); // content after the last cut is paper too
        var qr = pages.SelectMany(p => p.OfType<QrBlock>()).Select(q => Encoding.UTF8.GetString(q.Data)).ToList();
        return new EscPosInterpretation(pages.Count, qr, notices);
    }

    private sealed record Reading(List<EscPosCommand> Commands, int Pending)
    {
        // A text run cut by a chunk boundary arrives as two Text commands; the paper is the same.
        public List<string> Keys()
        {
            var keys = new List<string>();
            var text = new List<byte>();
            foreach (var c in Commands)
            {
                if (c.Kind == EscPosCommandKind.Text) { text.AddRange(c.Data ?? []); continue; }
                if (text.Count > 0) { keys.Add("Text " + Convert.ToHexString(text.ToArray())); text.Clear(); }
                keys.Add($"{c.Kind} {c.Value} {(c.Data is null ? "-" : Convert.ToHexString(c.Data))} {c.Description}");
            }
            if (text.Count > 0) keys.Add("Text " + Convert.ToHexString(text.ToArray()));
            keys.Add("pending " + Pending);
            return keys;
        }
    }

    private static Reading Read(byte[] bytes, IEnumerable<int> chunks)
    {
        var reader = new EscPosReader();
        var commands = new List<EscPosCommand>();
        int at = 0;
        foreach (int size in chunks)
        {
            reader.Feed(bytes.AsSpan(at, size), commands);
            at += size;
        }
        return new Reading(commands, reader.Pending);
    }

    // Chunk sizes drawn from the bytes themselves, so Run stays a pure function of its input.
    private static IEnumerable<int> ChunkSizes(byte[] bytes)
    {
        int at = 0, i = 0;
        while (at < bytes.Length)
        {
            int size = Math.Min(bytes.Length - at, 1 + (bytes[i++ % bytes.Length] % 17));
            yield return size;
            at += size;
        }
    }

    private static void Apply(PageComposer composer, EscPosCommand command, List<string> notices, List<IReadOnlyList<PageBlock>> pages)
    {
        switch (command.Kind)
        {
            case EscPosCommandKind.Text: composer.AddText(command.Data ?? []); break;
            case EscPosCommandKind.LineFeed: composer.LineFeed(); break;
            case EscPosCommandKind.CarriageReturn or EscPosCommandKind.QrModel or EscPosCommandKind.StatusRequest: break;
            case EscPosCommandKind.Initialize: composer.Initialize(); break;
            case EscPosCommandKind.SelectCodePage:
                if (!composer.SelectCodePage(command.Value)) notices.Add("code page not emulated");
                break;
            case EscPosCommandKind.Align: composer.Align(command.Value); break;
            case EscPosCommandKind.Bold: composer.Bold(command.Value); break;
            case EscPosCommandKind.PrintMode: composer.PrintMode(command.Value); break;
            case EscPosCommandKind.CharacterSize: composer.CharacterSize(command.Value); break;
            case EscPosCommandKind.FeedLines: composer.FeedLines(command.Value); break;
            case EscPosCommandKind.QrModuleSize: composer.QrModuleSize(command.Value); break;
            case EscPosCommandKind.QrErrorCorrection: composer.QrErrorCorrection(command.Value); break;
            case EscPosCommandKind.QrStore: composer.QrStore(command.Data ?? []); break;
            case EscPosCommandKind.QrPrint:
                if (!composer.PrintQr()) notices.Add("QR print with no data or data too long");
                break;
            case EscPosCommandKind.Cut: pages.Add(composer.Cut(command.Value)); break;
            case EscPosCommandKind.Unknown: notices.Add("unknown command: " + Shape(command.Description)); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "command kind not handled");
        }
    }

    // "ESC 0x4A (3 bytes)" and "ESC 0x4B (4 bytes)" are one reason: numbers out, shape kept.
    private static string Shape(string? description) =>
        Numbers().Replace(description ?? "?", "n");

    [GeneratedRegex(@"0x[0-9A-Fa-f]+|\d+")]
    private static partial Regex Numbers();
}
