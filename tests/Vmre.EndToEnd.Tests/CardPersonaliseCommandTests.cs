using Vmre.Cli;
using Vmre.Common.Cards;
using Vmre.Common.Signing;
using Vmre.HardwareSim.Nfc;
using Vmre.Simulator.Election;

namespace Vmre.EndToEnd.Tests;

/// <summary>
/// `vmre-sim card personalise` (issue 11 points 1 and 6): the PIN comes from stdin, never argv;
/// the card file is 0600 and loads back as a card whose key is the public key written beside it.
/// </summary>
public sealed class CardPersonaliseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vmre-personalise-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private (int Exit, string Out, string Err) Run(string stdin, params string[] argv)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = SimulatorCommandLine.Create((_, _) => Task.FromResult(ExitCode.Ok), stdin: new StringReader(stdin));
        return (CommandLineProgram.Run(root, argv, output, error), output.ToString(), error.ToString());
    }

    private (int Exit, string Out, string Err) Personalise(string stdin, string credential = "OF-CHI-01") =>
        Run(stdin, "card", "personalise", "--credential", credential, "--out", PathOf("card.json"), "--public-out", PathOf("card.pub.pem"));

    [Fact]
    public void The_pin_from_stdin_is_the_cards_and_the_public_key_is_its_own()
    {
        var run = Personalise("482913\n");

        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain("482913", run.Out + run.Err);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathOf("card.json")));
        using var card = SimulatedSmartCard.Load(PathOf("card.json")).ValueOrThrow();
        Assert.Equal("OF-CHI-01", card.CredentialId);
        Assert.Equal(File.ReadAllText(PathOf("card.pub.pem")), card.PublicKeyPem);

        // The card takes that PIN, and signs it under the key in the PEM.
        var challenge = CardChallenge.New();
        card.Answer(K2Applet.SelectCommand());
        var response = card.Answer([0x80, 0x88, 0x00, 0x00, 38, .. challenge.Bytes, .. "482913"u8, 0x00])!;
        var answer = new CardAnswer("OF-CHI-01", (CardVerdict)response[0], response[1..^2]);
        Assert.Equal(CardVerdict.PinAccepted,
            CardProof.Check(answer, challenge, "OF-CHI-01", PublicKey.FromPem(File.ReadAllText(PathOf("card.pub.pem")))).ValueOrThrow());
    }

    [Fact]
    public void A_windows_line_ending_is_not_part_of_the_pin() =>
        Assert.Equal(0, Personalise("1234\r\n").Exit);

    [Theory]
    [InlineData("", "no PIN on stdin")]
    [InlineData("\n", "4 to 8 digits")]
    [InlineData("123\n", "4 to 8 digits")]
    [InlineData("123456789\n", "4 to 8 digits")]
    [InlineData("12 34\n", "4 to 8 digits")]
    public void A_missing_or_malformed_pin_is_refused_and_nothing_is_written(string stdin, string reason)
    {
        var run = Personalise(stdin);

        Assert.Equal(1, run.Exit);
        Assert.Contains(reason, run.Err);
        Assert.False(File.Exists(PathOf("card.json")));
    }

    [Fact]
    public void The_pin_is_not_an_option()
    {
        var run = Run("", "card", "personalise", "--credential", "OF-CHI-01", "--pin", "482913", "--out", PathOf("card.json"), "--public-out", PathOf("p.pem"));
        Assert.Equal(2, run.Exit);
        Assert.False(File.Exists(PathOf("card.json")));
    }

    [Fact]
    public void An_existing_card_file_is_never_overwritten()
    {
        Assert.Equal(0, Personalise("482913\n").Exit);
        var before = File.ReadAllText(PathOf("card.json"));

        var again = Personalise("111111\n");

        Assert.Equal(1, again.Exit);
        Assert.Contains("already exists", again.Err);
        Assert.Equal(before, File.ReadAllText(PathOf("card.json")));
    }

    [Fact]
    public void A_credential_the_card_cannot_hold_is_refused() =>
        Assert.Contains("--credential", Personalise("482913\n", credential: "OF CHI").Err);
}
