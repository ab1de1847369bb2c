using System.Security.Cryptography;
using Vmre.Common.Election;
using Vmre.Common.Protocol;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.Terminal.Setup;

namespace Vmre.Terminal.Session;

/// <summary>
/// One voter's testigo before it is printed: the QR payload that will also be the sealed vote
/// (rules.md R1: paper and record carry the same text), the body's printer bytes (held uncut until
/// the voter decides), and the random key of its vault row. The row key is the store's own: it is
/// never printed, logged, exported or shown (issue 9, design section 1).
/// </summary>
public sealed record Testigo(string RowId, string Payload, byte[] Body)
{
    public static Testigo Compose(InstalledElection election, BallotStyle style, IReadOnlyList<Marking> markings)
    {
        // rules.md R3: the row key comes from the OS CSPRNG, is never logged and never on paper:
        // the VMRE-T2 payload carries no id (issue 9 point 1).
        var rowId = Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
        var marks = markings.Select(TestigoMarkings.ToMarks).ToArray();
        var payload = new TestigoPayload(PackageHash.Short(election.PackageHash), style.Id, marks).Encode();
        var review = Review(election.Package, markings);
        var body = TestigoLayout.Body(new TestigoTicketData
        {
            ElectionName = election.Package.Name,
            ContestTitles = review.Lines.Select(l => l.Title).ToArray(),
            SelectionTexts = review.Lines.Select(l => l.Selection).ToArray(),
            QrPayload = payload,
            PackageHash = election.PackageHash,
        });
        return new Testigo(rowId, payload, body);
    }

    /// <summary>Each contest's selection in words and whether it counts as null, for screen and paper alike.</summary>
    public static ReviewView Review(ElectionPackage package, IReadOnlyList<Marking> markings) => new(markings.Select(m =>
    {
        var contest = package.Contest(m.ContestId);
        var counted = BallotRules.Classify(contest, m);
        return new ReviewLine(contest.Id, contest.Title, SelectionWords.Of(contest, m, counted), counted.Kind == CountKind.Null);
    }).ToArray());
}
