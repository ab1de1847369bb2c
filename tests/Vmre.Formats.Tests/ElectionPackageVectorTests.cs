using Vmre.Audit.Documents;
using Vmre.Common.Election;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Provisioning.ElectionPackages;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-election-package/1` (docs/formats/election-package.md). The payload bytes are what the
/// authority signs and what the package hash is taken over, so they must never drift: a change
/// here changes the hash printed on every zero report, testigo, closing record and acta.
/// </summary>
public class ElectionPackageVectorTests
{
    /// <summary>SHA-256 of vectors/election-package.payload.json: the demo package's hash.</summary>
    public const string DemoPackageHash = "a476d09b9e33b9edd4805f032aa0df2200ffac31e808275271e02b6f195bd36a";

    public const string PayloadFile = "election-package.payload.json";

    [Fact]
    public void Current_code_writes_the_golden_payload_byte_for_byte()
    {
        var written = VmreJson.Bytes(DemoElection.Pel2023());
        Assert.Equal(Vectors.Text(PayloadFile), System.Text.Encoding.UTF8.GetString(written));
        Assert.Equal(Vectors.Bytes(PayloadFile), written);
    }

    [Fact]
    public void Golden_payload_hashes_to_the_package_hash()
    {
        Assert.Equal(DemoPackageHash, PackageHash.Of(Vectors.Bytes(PayloadFile)));
        Assert.Equal("a476d09b", PackageHash.Short(DemoPackageHash));
    }

    [Fact]
    public void Golden_payload_parses_back_to_an_equal_package()
    {
        var parsed = Vectors.Parse<ElectionPackage>(PayloadFile);
        var expected = DemoElection.Pel2023();

        Assert.Equal(ElectionPackage.FormatV1, parsed.Format);
        Assert.Equal("vmre-election-package/1", parsed.Format);
        Assert.Equal(expected.ElectionId, parsed.ElectionId);
        Assert.Equal(expected.Name, parsed.Name);
        Assert.Equal(expected.Parties, parsed.Parties);
        Assert.Equal(expected.Contests.Count, parsed.Contests.Count);
        for (var i = 0; i < expected.Contests.Count; i++)
        {
            var (e, p) = (expected.Contests[i], parsed.Contests[i]);
            Assert.Equal((e.Id, e.Title, e.Entidad, e.AllowsWriteIn), (p.Id, p.Title, p.Entidad, p.AllowsWriteIn));
            Assert.Equal(e.Candidacies.Count, p.Candidacies.Count);
            for (var j = 0; j < e.Candidacies.Count; j++)
            {
                Assert.Equal(e.Candidacies[j].Candidate, p.Candidacies[j].Candidate);
                Assert.Equal(e.Candidacies[j].PartyCodes, p.Candidacies[j].PartyCodes);
                Assert.Equal(e.Candidacies[j].CoalitionName, p.Candidacies[j].CoalitionName);
            }
            Assert.Equal(BallotRules.ActaLines(e), BallotRules.ActaLines(p));
        }
        Assert.Equal(expected.BallotStyles.Count, parsed.BallotStyles.Count);
        for (var i = 0; i < expected.BallotStyles.Count; i++)
        {
            Assert.Equal((expected.BallotStyles[i].Id, expected.BallotStyles[i].Entidad), (parsed.BallotStyles[i].Id, parsed.BallotStyles[i].Entidad));
            Assert.Equal(expected.BallotStyles[i].ContestIds, parsed.BallotStyles[i].ContestIds);
        }
        // Re-serialising the parsed package gives the same bytes again.
        Assert.Equal(Vectors.Bytes(PayloadFile), VmreJson.Bytes(parsed));
    }

    [Fact]
    public void Derived_fields_are_not_part_of_the_signed_payload()
    {
        var text = Vectors.Text(PayloadFile);
        Assert.DoesNotContain("\"isCoalition\"", text);
        // partyCodes appears only inside candidacies, never on a contest.
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        foreach (var contest in doc.RootElement.GetProperty("contests").EnumerateArray())
            Assert.False(contest.TryGetProperty("partyCodes", out _));
    }
}

/// <summary>
/// A real `vmre-provision package build` envelope (vectors/election-package.signed.json) and the
/// authority public key it was signed with (vectors/authority.pub.pem). The private key never
/// entered the repository.
/// </summary>
public class SignedElectionPackageVectorTests
{
    private static PublicKey Authority => PublicKey.FromPem(Vectors.Text("authority.pub.pem"));

    private static SignedDocument Envelope =>
        SignedDocument.ReadFile(Vectors.PathOf("election-package.signed.json")).ValueOrThrow();

    [Fact]
    public void Envelope_verifies_against_the_authority_key_and_carries_the_golden_payload()
    {
        var envelope = Envelope;
        Assert.Equal("vmre-signed/1", envelope.Format);
        Assert.Equal(DocumentKinds.ElectionPackage, envelope.Kind);
        Assert.Equal(Authority.KeyId, envelope.KeyId);

        var opened = envelope.Open<ElectionPackage>(DocumentKinds.ElectionPackage, Authority);
        Assert.True(opened.IsOk, opened.Error);
        Assert.Equal(DemoElection.ElectionId, opened.Value!.ElectionId);
        Assert.Equal(Vectors.Bytes(ElectionPackageVectorTests.PayloadFile), envelope.PayloadBytes());
        Assert.Equal(ElectionPackageVectorTests.DemoPackageHash, PackageHash.Of(envelope.PayloadBytes()));
    }

    [Fact]
    public void Provisioning_opens_it_with_the_package_hash()
    {
        var verified = ElectionPackageFile.Open(Vectors.PathOf("election-package.signed.json"), Authority);
        Assert.True(verified.IsOk, verified.Error);
        Assert.Equal(ElectionPackageVectorTests.DemoPackageHash, verified.Value!.Hash);
    }

    [Fact]
    public void Another_key_or_kind_is_refused()
    {
        var other = PublicKey.FromPem(SoftwareSigningKey.Generate().PublicKeyPem);
        var wrongKey = Envelope.Open<ElectionPackage>(DocumentKinds.ElectionPackage, other);
        Assert.Equal($"signed by key {Envelope.KeyId}, expected {other.KeyId}", wrongKey.Error);
        var wrongKind = Envelope.Open<ElectionPackage>(DocumentKinds.LnereSlice, Authority);
        Assert.Equal("expected a lnere-slice document, got 'election-package'", wrongKind.Error);
    }

    [Fact]
    public void A_tampered_payload_is_refused()
    {
        var payload = Envelope.PayloadBytes();
        payload[^3] ^= 0x01;
        var tampered = Envelope with { Payload = Convert.ToBase64String(payload) };
        Assert.Equal("bad signature on election-package", tampered.Open<ElectionPackage>(DocumentKinds.ElectionPackage, Authority).Error);
    }
}
