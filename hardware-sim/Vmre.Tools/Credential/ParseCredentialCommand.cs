using System.CommandLine;
using Vmre.Cli;
using Vmre.Common.Serialization;
using Vmre.Firmware.Credential;
using Vmre.Tools.Cli;

namespace Vmre.Tools.Credential;

/// <summary>
/// `parse-credential`: read an INE credential's TD1 MRZ (ICAO 9303 part 5) with the same
/// <see cref="MrzParser"/> the check-in desk uses, to tell a bad scan from a bad card.
/// The fields are a voter's identity: printed for the technician, never logged (rules.md R2).
/// </summary>
public sealed class ParseCredentialCommand(TextReader input) : ICommand
{
    private readonly Argument<string> _text = new("TEXT|-") { Description = "the three MRZ lines separated by newlines, or - for standard input" };

    public string Name => "parse-credential";

    public string Description =>
        "Parse the three MRZ lines of an INE credential (ICAO 9303 TD1).\n" +
        "TEXT is the three 30-char lines separated by newlines, or - to read them from standard input.\n" +
        "Prints the fields as JSON (exit 0), or the parser's rejection reason on stderr (exit 1).\n" +
        "example: printf 'IDMEX...\\n...\\n...' | vmre-tools parse-credential -";

    public IEnumerable<Symbol> Symbols => [_text];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var result = MrzParser.Parse(TextArgument.Read(parsed.GetRequiredValue(_text), input));
        if (!result.Ok) return Refusal.Write(error, result.Reason);
        output.WriteLine(VmreJson.Text(CredentialJson.Of(result.Credential), indented: true));
        return ExitCode.Ok;
    }
}
