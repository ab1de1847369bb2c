using System.Text;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.FuzzTargets.Generation;

/// <summary>
/// Tickets as the terminal prints them: accepted testigos from the firmware's <see cref="TestigoLayout"/>
/// (Body then Accepted on one paper, with the payload their QR must carry) and zero reports from
/// <see cref="ZeroReportLayout"/>.
/// </summary>
public static class ValidTicket
{
    public sealed record Ticket(byte[] Bytes, string? QrPayload);

    public static Ticket Next(Random random) => random.Next(4) == 0 ? ZeroReport(random) : Testigo(random);

    private static Ticket Testigo(Random random)
    {
        TestigoPayload payload = ValidTestigo.Next(random);
        string text = payload.Encode();
        ContestMarks[] contests = payload.Contests;
        var data = new TestigoTicketData
        {
            ElectionName = "Elección de prueba " + Draw.Words(random, 3, 8),
            ContestTitles = contests.Select(c => "Contienda " + c.ContestId).ToArray(),
            SelectionTexts = contests.Select(Words).ToArray(),
            QrPayload = text,
            PackageHash = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Draw.From(random, Draw.Upper, 32, 32))),
        };
        return new Ticket(TestigoLayout.Body(data).Concat(TestigoLayout.Accepted()).ToArray(), text);
    }

    private static Ticket ZeroReport(Random random)
    {
        int contests = 1 + random.Next(4);
        var data = new ZeroReportData
        {
            ModuleId = "MRV-" + Draw.From(random, Draw.Upper, 3, 3),
            DeviceId = "TERM-" + random.Next(100),
            ElectionName = "Elección de prueba",
            PackageHash = new string('a', 64),
            SoftwareHash = new string('b', 64),
            UtcTime = "2024-06-02T14:00:00Z",
            LocalTime = "2024-06-02 08:00",
            ContestLabels = Enumerable.Range(0, contests).Select(i => "Contienda " + i).ToArray(),
            ContestCounts = new int[contests],
            TotalVotes = 0,
        };
        return new Ticket(ZeroReportLayout.Build(data), null);
    }

    private static string Words(ContestMarks marks) => marks.Kind switch
    {
        MarkKind.Nothing => "Voto nulo",
        MarkKind.Parties => string.Join(" + ", marks.PartyCodes),
        MarkKind.WriteIn => "Candidatura no registrada: " + marks.WriteInName,
        _ => throw new ArgumentOutOfRangeException(nameof(marks)),
    };
}
