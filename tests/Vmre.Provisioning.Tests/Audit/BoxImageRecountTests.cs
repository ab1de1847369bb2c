using Vmre.Audit.Paper;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;

namespace Vmre.Provisioning.Tests.Audit;

/// <summary>
/// The recount from paper images alone (rules.md R1; issue 9 point 2): papers the firmware lays out,
/// printed by the emulator's interpreter to PNG into a box folder, recounted by the counters' rule.
/// </summary>
public sealed class BoxImageRecountTests : IDisposable
{
    private const string Hash = "3f2a9c1b00000000000000000000000000000000000000000000000000000000";
    private readonly TempDir _box = new();

    public void Dispose() => _box.Dispose();

    private static byte[] Body(string style, ContestMarks marks) => TestigoLayout.Body(new TestigoTicketData
    {
        ElectionName = "Proceso Electoral Local de prueba",
        ContestTitles = ["Gubernatura"],
        SelectionTexts = ["(en palabras)"],
        QrPayload = new TestigoPayload(Hash[..8], style, [marks]).Encode(),
        PackageHash = Hash,
    });

    private void Drop(string name, byte[] escPos) =>
        File.WriteAllBytes(_box.File(name + ".png"), EscPosInterpreter.RenderAll(escPos, PaperWidth.Mm80, out _).Single().Png);

    [Fact]
    public void A_box_of_printed_papers_is_recounted_from_its_images_per_option_and_per_style()
    {
        Drop("a", [.. Body("E05", ContestMarks.Parties("GOB-05", "PAN", "PRI")), .. TestigoLayout.Accepted()]);
        Drop("b", [.. Body("E05", ContestMarks.WriteIn("GOB-05", "JOSÉ PÉREZ ÑÚÑEZ")), .. TestigoLayout.Accepted()]);
        Drop("c", [.. Body("E15", ContestMarks.Parties("GOB-15", "MORENA")), .. TestigoLayout.Accepted()]);
        Drop("d", [.. Body("E15", ContestMarks.Parties("GOB-15", "PAN")), .. TestigoLayout.Voided(VoidReason.VoterRejected)]);
        Drop("e", Body("E05", ContestMarks.Nothing("GOB-05"))); // held, never accepted nor voided: no mark

        var box = PaperRecount.Recount(InventedBallots.Package(), Hash, _box.Path);

        Assert.Equal((5, 3, 1, 1), (box.Papers, box.Counted, box.Voided, box.NotVotes));
        Assert.Equal(1, box.VoidedByReason[VoidReason.VoterRejected]);
        Assert.Equal(1, box.Tally["GOB-05", "PAN+PRI"]);
        Assert.Equal(1, box.Tally["GOB-05", "CNR"]);
        Assert.Equal(1, box.Tally["GOB-15", "MORENA"]);
        Assert.Equal(0, box.Tally["GOB-15", "PAN"]); // the rejected selection is printed over and not counted
        Assert.Equal([("E05", 2), ("E15", 1)], box.Styles.Select(s => (s.Style, s.Votes)));
        Assert.Equal(1, box.NotVotesByFinding["a testigo without the VOTO EMITIDO mark"]);
    }
}
