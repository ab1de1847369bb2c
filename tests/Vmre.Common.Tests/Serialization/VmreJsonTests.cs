using System.Text;
using Vmre.Common.Lnere;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;

namespace Vmre.Common.Tests.Serialization;

/// <summary>One JSON convention for every VMRE document; malformed input is a reason, never a crash (rules.md R5).</summary>
public class VmreJsonTests
{
    public sealed record Doc(string Name, int Count);

    [Theory]
    [InlineData("{")]
    [InlineData("{\"name\":}")]
    [InlineData("not json")]
    [InlineData("{\"count\":\"many\"}")]
    [InlineData("")]
    public void Malformed_json_is_a_reason(string json)
    {
        var parsed = VmreJson.Parse<Doc>(Encoding.UTF8.GetBytes(json));
        Assert.False(parsed.IsOk);
        Assert.StartsWith("malformed JSON", parsed.Error);
        Assert.Throws<InvalidDataException>(() => parsed.ValueOrThrow());
    }

    [Fact]
    public void Null_document_is_a_reason()
    {
        Assert.Equal("empty document", VmreJson.Parse<Doc>("null"u8).Error);
    }

    [Fact]
    public void Well_formed_camel_case_parses_and_writes_back()
    {
        Assert.Equal(new Doc("MRV-CHI", 3), VmreJson.Parse<Doc>("{\"name\":\"MRV-CHI\",\"count\":3}"u8).ValueOrThrow());
        Assert.Equal("{\"name\":\"MRV-CHI\",\"count\":3}", VmreJson.Text(new Doc("MRV-CHI", 3)));
    }

    [Theory]
    [InlineData(CheckInOutcome.BlockedPostal, "\"blocked-postal\"")]
    [InlineData(CheckInOutcome.AlreadyVoted, "\"already-voted\"")]
    [InlineData(BlockReason.OtherModule, "\"other-module\"")]
    [InlineData(OfficialRole.Presidente, "\"presidente\"")]
    [InlineData(PollsState.NotOpen, "\"not-open\"")]
    public void Enums_are_kebab_case_lower(object value, string json)
    {
        Assert.Equal(json, VmreJson.Text(value));
    }

    [Fact]
    public void Kebab_enums_parse_back()
    {
        var parsed = VmreJson.Parse<CheckInLookupResponse>("{\"outcome\":\"blocked-postal\",\"reason\":\"postal\"}"u8).ValueOrThrow();
        Assert.Equal(CheckInOutcome.BlockedPostal, parsed.Outcome);
    }

    [Fact]
    public void Nulls_are_omitted_and_Spanish_is_not_escaped()
    {
        var json = VmreJson.Text(new CheckInLookupResponse(CheckInOutcome.NotInList, "no está en la lista", null));
        Assert.Equal("{\"outcome\":\"not-in-list\",\"reason\":\"no está en la lista\"}", json);
    }

    [Fact]
    public void Parsed_then_chains_and_stops_at_the_first_reason()
    {
        var ok = Parsed<int>.Ok(2).Then(v => Parsed<string>.Ok(new string('x', v)));
        Assert.Equal("xx", ok.Value);
        var failed = Parsed<int>.Fail("first").Then(_ => Parsed<string>.Fail("second"));
        Assert.Equal("first", failed.Error);
    }
}
