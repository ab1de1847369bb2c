using CsCheck;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>
/// Property tests: no byte input makes the interpreter throw (unknown commands become notices),
/// and how the bytes are split across serial reads never changes what is printed.
/// </summary>
public class EscPosFuzzTests
{
    private static readonly byte[] Valid = new Ticket()
        .Init().CodePage858().Align(1).Bold(true).Size(2, 2).Line("TESTIGO DEL VOTO").Size(1, 1).Bold(false)
        .Align(0).Line("Gubernatura: PAN + PRI").Line("¿Año? ¡Sí!").Raw(0x10, 0x04, 4)
        .Qr("VMRE-T1|0a1b2c3d|05|0123456789ABCDEF0123|GOB-05=PAN+PRI").Feed(2).Cut().ProcessId("0001").Bytes;

    // Random bytes biased towards command introducers so the parser's branches are reached.
    private static readonly Gen<byte[]> RandomBytes =
        Gen.Frequency((3, Gen.Byte), (1, Gen.OneOfConst<byte>(0x1B, 0x1D, 0x10, 0x0A, 0x28, 0x6B, 0x48, 0x31, 0x56)))
            .Array[0, 600];

    // A valid ticket with bytes overwritten, inserted and cut off: what a noisy line delivers.
    private static readonly Gen<byte[]> MutatedTicket =
        Gen.Select(Gen.Int[0, Valid.Length], Gen.Int[0, Valid.Length], Gen.Byte.Array[1, 8], Gen.Int[0, 20].Array[0, 6], Gen.Byte.Array[0, 6])
            .Select((cutAt, insertAt, inserted, flips, flipValues) =>
            {
                var bytes = Valid.ToList();
                bytes.InsertRange(Math.Min(insertAt, bytes.Count), inserted);
                for (int i = 0; i < Math.Min(flips.Length, flipValues.Length); i++)
                    bytes[(flips[i] * 7919 + cutAt) % bytes.Count] = flipValues[i];
                return bytes.Take(Math.Max(cutAt, bytes.Count / 2)).ToArray();
            });

    [Fact]
    public void Random_bytes_never_throw() =>
        RandomBytes.Sample(bytes => { _ = EscPosFuzzTarget.Run(bytes); }, iter: 1200);

    [Fact]
    public void Mutated_tickets_never_throw() =>
        MutatedTicket.Sample(bytes => { _ = EscPosFuzzTarget.Run(bytes); }, iter: 1200);

    [Fact]
    public void Splitting_the_stream_into_reads_never_changes_the_pages() =>
        Gen.Select(Gen.OneOf(MutatedTicket, RandomBytes), Gen.Int[1, 64]).Sample((bytes, chunk) =>
        {
            var whole = new EscPosInterpreter();
            int pagesWhole = whole.Feed(bytes).OfType<PrinterOutput.Page>().Count();
            var pieces = new EscPosInterpreter();
            int pagesPieces = 0;
            for (int i = 0; i < bytes.Length; i += chunk)
                pagesPieces += pieces.Feed(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i))).OfType<PrinterOutput.Page>().Count();
            return pagesWhole == pagesPieces && whole.Pending == pieces.Pending;
        }, iter: 400);

    [Fact]
    public void The_unmutated_ticket_prints_one_page()
    {
        Assert.Equal(1, EscPosFuzzTarget.Run(Valid));
        Assert.Equal(0, EscPosFuzzTarget.Run([]));
    }
}
