using Vmre.Audit.Paper;
using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Election;
using Vmre.Common.Signing;
using Vmre.Firmware.Testigo;
using Vmre.Firmware.Printing;
using Vmre.HardwareSim.Printer;
using Vmre.Provisioning.ElectionPackages;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Paper;

/// <summary>
/// Issue 3, rules.md R1: for every option of both demo contests (each party, each coalition
/// combination, a write-in, a blank ballot and a cross-coalition null), the testigo goes
/// layout → ESC/POS bytes → serial port → printer emulator → PNG at 203 dpi → QR decode, and the
/// payload read from the paper is exactly the payload the terminal seals.
/// </summary>
public sealed class TestigoRoundTripTests : IDisposable
{
    private readonly PaperTray _tray = new();
    private readonly PrinterEmulator _printer;
    private readonly SerialReceiptPrinter _port;
    private readonly InstalledElection _election;

    public TestigoRoundTripTests()
    {
        _printer = new PrinterEmulator(_tray.Add);
        _port = new SerialReceiptPrinter(_printer.SlavePath);
        var package = DemoElection.Pel2023();
        var hash = PackageHash.Of(SignedDocument.Create(DocumentKinds.ElectionPackage, package, SoftwareSigningKey.Generate()).PayloadBytes());
        var test = new TestElection();
        _election = new InstalledElection(package, hash, test.Config(SoftwareSigningKey.Generate().PublicKeyPem) with { PackageHash = hash },
            PublicKey.FromPem(test.Server.PublicKeyPem));
    }

    public void Dispose()
    {
        _port.Dispose();
        _printer.Dispose();
    }

    [Fact]
    public void Every_option_of_both_demo_contests_reads_back_from_the_printed_paper_exactly()
    {
        var cases = new List<(BallotStyle Style, Marking Marking, CountedAs Expected)>();
        foreach (var style in _election.Package.BallotStyles)
            foreach (var contestId in style.ContestIds)
            {
                var contest = _election.Package.Contest(contestId);
                foreach (var line in BallotRules.ActaLines(contest))
                    cases.Add((style, MarkingFor(contest, line), line));
                var coalitions = contest.Candidacies.Where(c => c.IsCoalition).ToList();
                var other = contest.Candidacies.First(c => !c.PartyCodes.Contains(coalitions[0].PartyCodes[0]));
                cases.Add((style, Marking.Parties(contestId, coalitions[0].PartyCodes[0], other.PartyCodes[0]), CountedAs.Null));
            }
        Assert.Contains(cases, c => c.Expected.Kind == CountKind.Combination);
        Assert.Equal(2, cases.Select(c => c.Marking.ContestId).Distinct().Count());

        var printed = new List<(Testigo Testigo, CountedAs Expected, Contest Contest)>();
        foreach (var (style, marking, expected) in cases)
        {
            var testigo = Testigo.Compose(_election, style, [marking]);
            var outcome = _port.Print([.. testigo.Body, .. TestigoLayout.Accepted()]); // the body is held uncut until a mark
            Assert.True(outcome.Printed, outcome.Reason);
            printed.Add((testigo, expected, _election.Package.Contest(marking.ContestId)));
        }

        var papers = _tray.WaitFor(printed.Count);
        for (var i = 0; i < printed.Count; i++)
        {
            var (testigo, expected, contest) = printed[i];
            var read = Assert.Single(QrImageDecoder.Decode(papers[i].Png));
            Assert.Equal(testigo.Payload, read);
            var decoded = TestigoDecoder.Decode(read);
            Assert.True(decoded.Ok, decoded.Reason);
            var marks = Assert.Single(decoded.Payload.Contests);
            Assert.Equal(expected, BallotRules.Classify(contest, TestigoMarkings.FromMarks(marks)));
        }
    }

    private static Marking MarkingFor(Contest contest, CountedAs line) => line.Kind switch
    {
        CountKind.Party => Marking.Parties(contest.Id, line.Key),
        CountKind.Combination => Marking.Parties(contest.Id, line.Key.Split('+')),
        CountKind.WriteIn => Marking.WriteIn(contest.Id, "JUANA PÉREZ ÑÚÑEZ"),
        CountKind.Null => Marking.Nothing(contest.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(line), line.Kind, "unknown count kind"),
    };
}
