using Vmre.FuzzTargets.Generation;

namespace Vmre.FuzzTargets.Targets;

/// <summary>
/// The printer's ESC/POS interpretation (<see cref="EscPosUnderFuzz"/>): no byte stream makes
/// it throw; what it does not understand becomes a notice; a ticket the firmware lays out
/// prints with no notice and its QR carries exactly the payload the firmware put in.
/// "Accepted" here means printed without a notice.
/// </summary>
public sealed class EscPosTarget : FuzzTarget
{
    public override string Name => "escpos";

    public override FuzzCase Next(Random random)
    {
        var origin = Origins.Next(random);
        switch (origin)
        {
            case CaseOrigin.Valid:
                var ticket = ValidTicket.Next(random);
                return new FuzzCase(origin, null, ticket.Bytes, ticket.QrPayload);
            case CaseOrigin.Mutated:
                return FuzzCase.OfBytes(origin, ByteMutation.Mutate(random, ValidTicket.Next(random).Bytes, () => ValidTicket.Next(random).Bytes));
            case CaseOrigin.Random:
                return FuzzCase.OfBytes(origin, ByteMutation.RandomStream(random, 300));
            default:
                throw new ArgumentOutOfRangeException(nameof(random), origin, "unknown case origin");
        }
    }

    public override CaseOutcome Run(FuzzCase input)
    {
        var printed = EscPosUnderFuzz.Run(input.Bytes!);
        if (input.Origin == CaseOrigin.Valid) CheckTicket(printed, input.Expected);
        return printed.Notices.Count == 0 ? CaseOutcome.Accept() : CaseOutcome.Reject(printed.Notices[0]);
    }

    private static void CheckTicket(EscPosInterpretation printed, string? qrPayload)
    {
        if (printed.Notices.Count > 0) throw new PropertyViolation($"a firmware ticket raised a notice: {printed.Notices[0]}");
        if (printed.Pages != 1) throw new PropertyViolation($"a firmware ticket printed {printed.Pages} pages, not 1");
        string[] wanted = qrPayload is null ? [] : [qrPayload];
        if (!printed.QrPayloads.SequenceEqual(wanted)) throw new PropertyViolation("a firmware ticket's QR does not carry its payload");
    }
}
