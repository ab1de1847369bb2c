using System.CommandLine;
using System.Security.Cryptography;
using Vmre.Cli;
using Vmre.Common.Cards;
using Vmre.Common.Signing;
using Vmre.HardwareSim.Nfc;

namespace Vmre.Simulator.Hardware;

/// <summary>
/// `vmre-sim card personalise --credential ID --out FILE --public-out PEM`: makes a new simulated
/// VMRE-K2 card (docs/formats/official-card.md v2) with a fresh key pair made inside it, its PIN
/// read from the first line of stdin — never from argv, where any user of the machine could read
/// it in the process list (issue 11 point 6). FILE is the card itself (vmre-sim-card/1, 0600);
/// PEM is its public key, for the module config's <c>officials[].cardPublicKeyPem</c>.
/// </summary>
public static class CardPersonaliseCommand
{
    public static Command Create(Func<TextReader> stdin)
    {
        var credential = new Option<string>("--credential") { Description = "the official's credential id (1-32 printable ASCII, no spaces)", Required = true };
        var outFile = new Option<string>("--out") { Description = "the card file to create (vmre-sim-card/1, mode 0600; must not exist)", Required = true };
        var publicOut = new Option<string>("--public-out") { Description = "where to write the card's public key (PEM)", Required = true };
        var personalise = new Command("personalise",
            "Personalise a new simulated official's card; the PIN (4-8 digits) is read from the first line of stdin.\n"
            + "example: printf '482913\\n' | vmre-sim card personalise --credential OF-CHI-01 --out cards/OF-CHI-01.card.json --public-out cards/OF-CHI-01.pub.pem")
            { credential, outFile, publicOut };
        personalise.SetAction(parsed => Run(parsed.GetRequiredValue(credential), parsed.GetRequiredValue(outFile), parsed.GetRequiredValue(publicOut),
            stdin(), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return new Command("card", "Simulated officials' cards (VMRE-K2).") { personalise };
    }

    private static int Run(string credentialId, string outFile, string publicOut, TextReader stdin, TextWriter output, TextWriter error)
    {
        if (!CardStatement.IsCredentialId(credentialId)) return Refusal.Write(error, "--credential must be 1-32 printable ASCII characters without spaces");
        if (File.Exists(outFile)) return Refusal.Write(error, $"{outFile} already exists: a card file is a card, never overwritten");
        var pin = new char[K2Applet.MaxPinLength + 1];
        try
        {
            int length = ReadLine(stdin, pin);
            if (length < 0) return Refusal.Write(error, "no PIN on stdin (give it as the first line, 4 to 8 digits)");
            if (!K2Applet.IsPin(pin.AsSpan(0, length))) return Refusal.Write(error, "the PIN on stdin must be 4 to 8 digits");
            using var card = SimulatedSmartCard.Personalise(credentialId, pin.AsSpan(0, length));
            card.Save(outFile);
            File.WriteAllText(publicOut, card.PublicKeyPem);
            output.WriteLine($"personalised {credentialId}: card {outFile} (private, mode 0600), public key {publicOut} (key id {PublicKey.FromPem(card.PublicKeyPem).KeyId})");
            return ExitCode.Ok;
        }
        finally
        {
            Array.Clear(pin); // issue 11 point 6: the PIN does not stay in memory after use
        }
    }

    /// <summary>
    /// The first line into <paramref name="buffer"/> (its length, -1 for none), read a character
    /// at a time so the PIN never sits in a string; a line longer than the buffer reads as too long.
    /// </summary>
    private static int ReadLine(TextReader reader, char[] buffer)
    {
        int length = 0, c;
        bool any = false;
        while ((c = reader.Read()) >= 0 && c != '\n')
        {
            any = true;
            if (c == '\r') continue;
            if (length < buffer.Length) buffer[length] = (char)c;
            length++;
        }
        if (!any && c < 0) return -1;
        return Math.Min(length, buffer.Length); // over-long: buffer.Length is one more than a PIN may be
    }
}
