using System.Device.Gpio;

namespace Vmre.Devices.GpioSignals.Remote;

/// <summary>
/// One line of the remote GPIO protocol (GpioSignals/README.md, "Remote GPIO"), parsed at the
/// boundary. A line that does not parse is a value with its reason, answered as
/// <c>error &lt;reason&gt;</c>; the connection stays usable. <see cref="Line"/> writes each
/// request as <see cref="RemoteGpioDriver"/> sends it, so both ends share one spelling.
/// </summary>
public abstract record GpioRequest
{
    private GpioRequest() { }

    /// <summary><c>open &lt;pin&gt;</c> → <c>ok</c>.</summary>
    public sealed record Open(int Pin) : GpioRequest;

    /// <summary><c>close &lt;pin&gt;</c> → <c>ok</c>.</summary>
    public sealed record Close(int Pin) : GpioRequest;

    /// <summary><c>mode &lt;pin&gt; input|output|input-pullup|input-pulldown</c> → <c>ok</c>.</summary>
    public sealed record SetMode(int Pin, PinMode Mode) : GpioRequest;

    /// <summary><c>get-mode &lt;pin&gt;</c> → the mode word.</summary>
    public sealed record GetMode(int Pin) : GpioRequest;

    /// <summary><c>read &lt;pin&gt;</c> → <c>&lt;pin&gt; high|low</c>.</summary>
    public sealed record Read(int Pin) : GpioRequest;

    /// <summary><c>write &lt;pin&gt; high|low</c> → <c>ok</c>.</summary>
    public sealed record Write(int Pin, PinValue Level) : GpioRequest;

    /// <summary><c>watch</c> → <c>ok</c>, then one <c>&lt;pin&gt; high|low</c> line per level change, until the connection closes.</summary>
    public sealed record Watch : GpioRequest;

    /// <summary>A line that is not a request, with the reason to answer.</summary>
    public sealed record Invalid(string Reason) : GpioRequest;

    public static GpioRequest Parse(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return new Invalid("empty request");
        if (words is ["watch"]) return new Watch();
        if (words[0] is not ("open" or "close" or "mode" or "get-mode" or "read" or "write" or "watch"))
            return new Invalid("unknown request (open, close, mode, get-mode, read, write, watch)");
        int arguments = words[0] is "mode" or "write" ? 2 : words[0] is "watch" ? 0 : 1;
        if (words.Length != arguments + 1) return new Invalid($"wrong number of arguments for {words[0]}");
        if (ParsePin(words[1]) is not { } pin) return new Invalid($"not a pin number: {Clip(words[1])}");
        return words[0] switch
        {
            "open" => new Open(pin),
            "close" => new Close(pin),
            "get-mode" => new GetMode(pin),
            "read" => new Read(pin),
            "mode" => ParseMode(words[2]) is { } mode ? new SetMode(pin, mode) : new Invalid($"mode must be input, output, input-pullup or input-pulldown, not {Clip(words[2])}"),
            _ => ParseLevel(words[2]) is { } level ? new Write(pin, level) : new Invalid($"level must be high or low, not {Clip(words[2])}"),
        };
    }

    /// <summary>The request as one line on the wire (without the newline).</summary>
    public string Line() => this switch
    {
        Open o => $"open {o.Pin}",
        Close c => $"close {c.Pin}",
        SetMode m => $"mode {m.Pin} {ModeWord(m.Mode)}",
        GetMode g => $"get-mode {g.Pin}",
        Read r => $"read {r.Pin}",
        Write w => $"write {w.Pin} {LevelWord(w.Level)}",
        Watch => "watch",
        Invalid i => throw new InvalidOperationException($"an invalid request is never sent: {i.Reason}"),
        _ => throw new InvalidOperationException($"unhandled request {GetType().Name}"),
    };

    /// <summary>A pin's level as the protocol writes it, in answers and watched changes.</summary>
    public static string LevelLine(int pin, PinValue level) => $"{pin} {LevelWord(level)}";

    /// <summary>Reads <c>&lt;pin&gt; high|low</c>; null if the line is anything else.</summary>
    public static (int Pin, PinValue Level)? ParseLevelLine(string line)
    {
        var words = line.Split(' ');
        return words.Length == 2 && ParsePin(words[0]) is { } pin && ParseLevel(words[1]) is { } level ? (pin, level) : null;
    }

    public static string LevelWord(PinValue level) => level == PinValue.High ? "high" : "low";

    public static PinValue? ParseLevel(string word) => word switch
    {
        "high" => PinValue.High,
        "low" => PinValue.Low,
        _ => null,
    };

    /// <summary>The four modes a terminal's pins use; the protocol knows no others.</summary>
    public static string ModeWord(PinMode mode) => mode switch
    {
        PinMode.Input => "input",
        PinMode.Output => "output",
        PinMode.InputPullUp => "input-pullup",
        PinMode.InputPullDown => "input-pulldown",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a mode of the remote GPIO protocol"),
    };

    public static PinMode? ParseMode(string word) => word switch
    {
        "input" => PinMode.Input,
        "output" => PinMode.Output,
        "input-pullup" => PinMode.InputPullUp,
        "input-pulldown" => PinMode.InputPullDown,
        _ => null,
    };

    private static int? ParsePin(string word) =>
        int.TryParse(word, System.Globalization.NumberStyles.None, null, out int pin) ? pin : null;

    private static string Clip(string word) => word.Length <= 16 ? word : word[..16] + "…";
}
