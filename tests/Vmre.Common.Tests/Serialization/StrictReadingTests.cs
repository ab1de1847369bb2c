using System.Text;
using Vmre.Common.Serialization;

namespace Vmre.Common.Tests.Serialization;

/// <summary>
/// Issue 11 point 4, one reading: whatever two JSON readers could read differently is refused,
/// each with its own reason naming the rule and where (docs/formats/signed-document.md).
/// </summary>
public class StrictReadingTests
{
    public sealed record Line(string Key, int Count);
    public sealed record Contest(string ContestId, IReadOnlyList<Line> Lines, string? Note = null);
    public sealed record Record(string Format, int VotesSealed, IReadOnlyList<Contest> Contests, IReadOnlyDictionary<string, int>? ByStyle = null);

    private const string Valid = "{\"format\":\"r/1\",\"votesSealed\":2,\"contests\":[{\"contestId\":\"GOB-05\",\"lines\":[{\"key\":\"PAN\",\"count\":2}]}]}";

    private static string? Reason(string json) => VmreJson.Parse<Record>(Encoding.UTF8.GetBytes(json)).Error;

    [Fact]
    public void The_valid_document_parses()
    {
        Assert.Null(Reason(Valid));
        Assert.Null(Reason(Valid.Replace("}]}]}", "}]}],\"byStyle\":{\"05\":2}}")));
        Assert.Null(Reason(" \n" + Valid + "\n ")); // whitespace around the one value is no data
    }

    [Theory]
    [InlineData("{\"key\":\"PAN\",\"count\":2}", "{\"key\":\"PAN\",\"count\":2,\"key\":\"MORENA\"}", "duplicate property 'key' at $.contests[0].lines[0].key")]
    [InlineData("\"votesSealed\":2,", "\"votesSealed\":2,\"votesSealed\":3,", "duplicate property 'votesSealed' at $.votesSealed")]
    [InlineData("}]}]}", "}]}],\"byStyle\":{\"05\":1,\"05\":2}}", "duplicate property '05' at $.byStyle.05")]
    [InlineData("\"votesSealed\"", "\"VotesSealed\"", "property 'VotesSealed' is a case variant of 'votesSealed' at $.VotesSealed")]
    [InlineData("\"contestId\"", "\"contestID\"", "property 'contestID' is a case variant of 'contestId' at $.contests[0].contestID")]
    [InlineData("\"votesSealed\":2,", "\"votesSealed\":2,\"votesCast\":2,", "unknown property 'votesCast' at $.votesCast")]
    [InlineData("\"count\":2", "\"count\":2,\"name\":\"x\"", "unknown property 'name' at $.contests[0].lines[0].name")]
    [InlineData("\"votesSealed\":2", "\"votesSealed\":\"2\"", "number written as a string at $.votesSealed")]
    [InlineData("\"votesSealed\":2", "\"votesSealed\":true", "value of the wrong type at $.votesSealed")]
    [InlineData("}]}]}", "}]}]}{}", "trailing data after the document")]
    [InlineData("}]}]}", "}]}]} 0", "trailing data after the document")]
    [InlineData("}]}]}", "}]}],}", "trailing comma")]
    [InlineData("\"votesSealed\":2,", "\"votesSealed\":2,/* x */", "comments are not allowed")]
    [InlineData("\"votesSealed\":2,", "", "missing required property 'votesSealed'")]
    [InlineData("\"format\":\"r/1\"", "\"format\":null", "null where a value is required at $.format")]
    public void Each_ambiguity_is_refused_with_its_reason(string find, string replace, string reason)
    {
        var json = ReplaceFirst(Valid, find, replace);
        Assert.Equal("malformed JSON: " + reason, Reason(json));
    }

    [Fact]
    public void An_optional_field_may_be_absent_but_not_repeated()
    {
        Assert.Null(Reason(Valid.Replace("\"contestId\":\"GOB-05\",", "\"contestId\":\"GOB-05\",\"note\":\"n\",")));
        Assert.Equal("malformed JSON: " + "duplicate property 'note' at $.contests[0].note",
            Reason(Valid.Replace("\"contestId\":\"GOB-05\",", "\"contestId\":\"GOB-05\",\"note\":\"n\",\"note\":\"m\",")));
    }

    [Fact]
    public void Writing_is_unchanged_camel_case_nulls_omitted()
    {
        var record = VmreJson.Parse<Record>(Encoding.UTF8.GetBytes(Valid)).ValueOrThrow();
        Assert.Equal(Valid, VmreJson.Text(record));
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
