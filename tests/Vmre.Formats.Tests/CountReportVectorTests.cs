using System.Text.Json;
using Vmre.Common.Closing;
using Vmre.Common.Serialization;

namespace Vmre.Formats.Tests;

/// <summary>`vmre-count-report/1` (docs/formats/count-report.md, issue 10 point 3), byte for byte as the terminal writes it.</summary>
public class CountReportVectorTests
{
    private const string Vector = "count-report-v1.payload.json";

    [Fact]
    public void The_report_has_the_documented_fields_in_order_and_round_trips()
    {
        using var doc = JsonDocument.Parse(Vectors.Bytes(Vector));
        Assert.Equal(["format", "terminalId", "moduleId", "packageHash", "sequence", "sealed", "sessionsWithoutVote", "activationsRedeemed", "storeEpoch"],
            doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        var r = Vectors.Parse<CountReport>(Vector);
        Assert.Equal((CountReport.FormatV1, 3L, 11, 1, 12, 5UL), (r.Format, r.Sequence, r.Sealed, r.SessionsWithoutVote, r.ActivationsRedeemed, r.StoreEpoch));
        Assert.Equal(12, r.SessionsEnded);
        Assert.Equal(Vectors.Text(Vector).TrimEnd('\n'), VmreJson.Text(r));
    }
}
