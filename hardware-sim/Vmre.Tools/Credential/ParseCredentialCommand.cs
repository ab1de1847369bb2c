using Vmre.Common.Serialization;
using Vmre.Firmware.Credential;
using Vmre.Provisioning.Cli;
using Vmre.Tools.Cli;

namespace Vmre.Tools.Credential;

/// <summary>
/// `parse-credential`: read an INE credential's TD1 MRZ (ICAO 9303 part 5) with the same
/// <see cref="MrzParser"/> the check-in desk uses, to tell a bad scan from a bad card.
/// The fields are a voter's identity: printed for the technician, never logged (Brief rule 2).
/// </summary>
public sealed class ParseCredentialCommand(TextReader input) : ICommand
{
    public CommandSpec Spec { get; } = new(
        "parse-credential",
        "Parse the three MRZ lines of an INE credential (ICAO 9303 TD1).\n" +
        "TEXT is the three 30-char lines separated by newlines, or - to read them from standard input.\n" +
        "Prints the fields as JSON (exit 0), or the parser's rejection reason on stderr (exit 1).",
        [],
        Positionals: "TEXT|-", MinPositionals: 1, MaxPositionals: 1,
        Example: "printf 'IDMEX...\\n...\\n...' | vmre-tools parse-credential -");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var result = MrzParser.Parse(TextArgument.Read(args.Positionals[0], input));
        if (!result.Ok) return Refusal.Write(error, result.Reason);
        output.WriteLine(VmreJson.Text(CredentialJson.Of(result.Credential), indented: true));
        return ExitCode.Ok;
    }
}
