using Vmre.Common.Acta;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-acta/4` (docs/formats/acta.md, issue 11 point 5): the v3 demo acta as the acta of a
/// resumed closing — it names, in <c>supersedes</c>, the payload hash of the module's first acta
/// (the same acta with an empty <c>supersedes</c>).
/// </summary>
public class ActaV4VectorTests
{
    private const string Vector = "acta-v4.json";

    [Fact]
    public void The_v4_acta_names_the_payload_hash_of_the_acta_it_supersedes()
    {
        var final = Vectors.Parse<Acta>(Vector);
        Assert.Equal(Acta.FormatV4, final.Format);
        var first = final with { Supersedes = [] };
        Assert.Equal([ContentHash.Of(VmreJson.Bytes(first))], final.Supersedes);
        // Every v3 field keeps its meaning.
        Assert.Equal(Vectors.Parse<Acta>("acta-v3.json") with { Format = Acta.FormatV4, Supersedes = final.Supersedes }, final,
            new ActaFields());
    }

    [Fact]
    public void The_v4_acta_file_is_the_canonical_indented_json_with_supersedes_last()
    {
        var text = Vectors.Text(Vector).Replace("\r\n", "\n");
        Assert.StartsWith("{\n  \"format\": \"vmre-acta/4\",", text);
        Assert.Contains("\n  \"supersedes\": [\n    \"", text);
        Assert.Equal(VmreJson.Text(Vectors.Parse<Acta>(Vector), indented: true), text.TrimEnd('\n'));
    }

    /// <summary>Records holding lists compare by reference; the canonical text compares by content.</summary>
    private sealed class ActaFields : IEqualityComparer<Acta>
    {
        public bool Equals(Acta? x, Acta? y) => VmreJson.Text(x) == VmreJson.Text(y);
        public int GetHashCode(Acta obj) => VmreJson.Text(obj).GetHashCode();
    }
}
