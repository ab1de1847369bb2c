using CsCheck;
using Vmre.Firmware.Testigo;

using Vmre.Firmware.Tests.Support;

namespace Vmre.Firmware.Tests.Testigo;

public class TestigoPropertyTests
{
    /// <summary>docs/formats/testigo-qr.md v2: the only characters a payload may hold.</summary>
    const string WireAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789 |;=+:-%";

    static string Shape(ContestMarks m) =>
        $"{m.ContestId}:{m.Kind}:{string.Join("+", m.PartyCodes.Order(StringComparer.Ordinal))}:{m.WriteInName}";

    [Fact]
    public void Encode_decode_round_trips_every_selection_including_spanish_write_ins() =>
        Generators.Payload.Sample(p =>
        {
            var text = p.Encode();
            var r = TestigoDecoder.Decode(text);
            Assert.True(r.Ok, r.Reason + " : " + text);
            Assert.Equal(text, r.Payload.Encode());
            Assert.Equal(p.ElectionHashPrefix, r.Payload.ElectionHashPrefix);
            Assert.Equal(p.BallotStyle, r.Payload.BallotStyle);
            Assert.Equal(p.Contests.Select(Shape), r.Payload.Contests.Select(Shape));
        }, iter: 3000);

    [Fact]
    public void Every_payload_byte_is_in_the_declared_ascii_set() =>
        Generators.Payload.Sample(p =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(p.Encode());
            Assert.True(bytes.Length <= 512);
            Assert.All(bytes, b => Assert.Contains((char)b, WireAlphabet));
        }, iter: 3000);

    [Fact]
    public void Write_in_names_with_every_spanish_letter_survive_the_wire() =>
        Gen.String[Gen.Char["ÑÁÉÍÓÚÜABZ"], 1, 40].Sample(name =>
        {
            var text = new TestigoPayload("0badcafe", "05", [ContestMarks.WriteIn("GOB", name)]).Encode();
            Assert.DoesNotContain(text, c => c > 0x7E);
            Assert.Equal(name, TestigoDecoder.Decode(text).Payload.Contests[0].WriteInName);
        }, iter: 2000);

    [Fact]
    public void Decoder_never_throws_on_arbitrary_strings() =>
        Gen.String.Sample(s => { TestigoDecoder.Decode(s); }, iter: 5000);

    [Fact]
    public void Accepted_texts_are_canonical() =>
        Generators.Mutated(Generators.Payload.Select(p => p.Encode())).Sample(s =>
        {
            var r = TestigoDecoder.Decode(s);
            if (r.Ok) Assert.Equal(s, r.Payload.Encode());
            else Assert.False(string.IsNullOrEmpty(r.Reason));
        }, iter: 5000);
}
