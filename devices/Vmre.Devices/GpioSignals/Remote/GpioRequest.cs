using System.Device.Gpio;

namespace Vmre.HardwareSim.Gpio;

/// <summary>
/// One line of the GPIO control protocol (hardware-sim/README.md, "GPIO control socket"), parsed
/// at the boundary. A line that does not parse is a value with its reason, answered as
/// <c>error &lt;reason&gt;</c>; the connection stays usable.
/// </summary>
public abstract record GpioControlRequest
{
    /// <summary>Longest pulse accepted: a press-and-release, not a way to hold the server.</summary>
    public const int MaxPulseMs = 60_000;

    private GpioControlRequest() { }

    /// <summary><c>read &lt;pin&gt;</c> → <c>&lt;pin&gt; high|low</c>.</summary>
    public sealed record Read(int Pin) : GpioControlRequest;

    /// <summary><c>drive &lt;pin&gt; high|low</c> → <c>ok</c>.</summary>
    public sealed record Drive(int Pin, PinValue Level) : GpioControlRequest;

    /// <summary><c>pulse &lt;pin&gt; high|low &lt;ms&gt;</c>: drive, hold, drive the opposite level → <c>ok</c> after release.</summary>
    public sealed record Pulse(int Pin, PinValue Level, int Milliseconds) : GpioControlRequest;

    /// <summary><c>watch</c> → <c>ok</c>, then one <c>&lt;pin&gt; high|low</c> line per level change, until the connection closes.</summary>
    public sealed record Watch : GpioControlRequest;

    /// <summary>A line that is not a request, with the reason to answer.</summary>
    public sealed record Invalid(string Reason) : GpioControlRequest;

    public static GpioControlRequest Parse(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return new Invalid("empty request");
        switch (words[0])
        {
            case "read" when words.Length == 2:
                return ParsePin(words[1]) is { } readPin ? new Read(readPin) : BadPin(words[1]);
            case "drive" when words.Length == 3:
                if (ParsePin(words[1]) is not { } drivePin) return BadPin(words[1]);
                return ParseLevel(words[2]) is { } level ? new Drive(drivePin, level) : BadLevel(words[2]);
            case "pulse" when words.Length == 4:
                if (ParsePin(words[1]) is not { } pulsePin) return BadPin(words[1]);
                if (ParseLevel(words[2]) is not { } pulseLevel) return BadLevel(words[2]);
                return int.TryParse(words[3], out int ms) && ms is > 0 and <= MaxPulseMs
                    ? new Pulse(pulsePin, pulseLevel, ms)
                    : new Invalid($"pulse length must be 1..{MaxPulseMs} ms");
            case "watch" when words.Length == 1:
                return new Watch();
            case "read" or "drive" or "pulse" or "watch":
                return new Invalid($"wrong number of arguments for {words[0]}");
            default:
                return new Invalid("unknown request (read, drive, pulse, watch)");
        }
    }

    /// <summary>How a level is written on the wire.</summary>
    public static string LevelWord(PinValue level) => level == PinValue.High ? "high" : "low";

    public static PinValue? ParseLevel(string word) => word switch
    {
        "high" => PinValue.High,
        "low" => PinValue.Low,
        _ => null,
    };

    private static int? ParsePin(string word) =>
        int.TryParse(word, System.Globalization.NumberStyles.None, null, out int pin) ? pin : null;

    private static Invalid BadPin(string word) => new($"not a pin number: {Clip(word)}");

    private static Invalid BadLevel(string word) => new($"level must be high or low, not {Clip(word)}");

    private static string Clip(string word) => word.Length <= 16 ? word : word[..16] + "…";
}
