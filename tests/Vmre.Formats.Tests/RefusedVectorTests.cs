using Vmre.Common.Acta;
using Vmre.Common.Closing;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Formats.Tests;

/// <summary>
/// Issue 11 point 4 (docs/formats/signed-document.md "One reading"): every vector in
/// vectors/refused/ carries a valid signature by the test signer over a payload that two
/// readers could read differently (the GOB-05 PAN/MORENA duplicate key among them);
/// each is refused, with its own reason, although the signature verifies.
/// </summary>
public class RefusedVectorTests
{
    private static readonly PublicKey Signer = PublicKey.FromPem(Vectors.Text("refused/signer.pub.pem"));

    private static string[] AllNames() =>
        Directory.GetFiles(Vectors.PathOf("refused"), "*.signed.json").Order(StringComparer.Ordinal)
            .Select(path => Path.GetFileName(path)[..^".signed.json".Length]).ToArray();

    public static TheoryData<string> Names() => new(AllNames());

    [Theory]
    [MemberData(nameof(Names))]
    public void A_validly_signed_refused_vector_is_refused_with_its_reason(string name)
    {
        var envelope = SignedDocument.ReadFile(Vectors.PathOf($"refused/{name}.signed.json")).ValueOrThrow();
        Assert.True(Signer.Verify(envelope.PayloadBytes(), Convert.FromBase64String(envelope.Signature)), "the signature itself is valid");
        var expected = Vectors.Text($"refused/{name}.reason.txt").TrimEnd('\n');
        Assert.Equal(expected, Opened(envelope));
    }

    [Fact]
    public void The_set_covers_each_rule_the_format_names()
    {
        var names = AllNames();
        foreach (var rule in new[] { "duplicate-key-module-config", "duplicate-key-closing-record", "duplicate-key-acta", "case-variant-",
                     "unknown-field-", "trailing-data-", "number-as-string-" })
            Assert.Contains(names, n => n.StartsWith(rule, StringComparison.Ordinal));
    }

    [Fact]
    public void The_duplicate_key_record_reads_PAN_to_a_first_wins_reader_and_MORENA_to_a_last_wins_one()
    {
        // What the refusal prevents: the same signed bytes, two counts (the reproduction).
        var payload = SignedDocument.ReadFile(Vectors.PathOf("refused/duplicate-key-closing-record.signed.json")).ValueOrThrow().PayloadBytes();
        var text = System.Text.Encoding.UTF8.GetString(payload);
        Assert.Contains("{\"key\":\"PAN\",\"count\":1,\"key\":\"MORENA\"}", text);
        using var lastWins = System.Text.Json.JsonDocument.Parse(payload);
        var line = lastWins.RootElement.GetProperty("contests")[0].GetProperty("lines")[0];
        Assert.Equal("GOB-05", lastWins.RootElement.GetProperty("contests")[0].GetProperty("contestId").GetString());
        Assert.Equal(["PAN", "MORENA"], line.EnumerateObject().Where(p => p.Name == "key").Select(p => p.Value.GetString()));
    }

    private static string? Opened(SignedDocument envelope) => envelope.Kind switch
    {
        DocumentKinds.Acta => envelope.Open<Acta>(DocumentKinds.Acta, Signer).Error,
        DocumentKinds.ClosingRecord => envelope.Open<ClosingRecord>(DocumentKinds.ClosingRecord, Signer).Error,
        DocumentKinds.ModuleConfig => envelope.Open<ModuleConfig>(DocumentKinds.ModuleConfig, Signer).Error,
        _ => throw new InvalidDataException("a refused vector of an unexpected kind: " + envelope.Kind),
    };
}
