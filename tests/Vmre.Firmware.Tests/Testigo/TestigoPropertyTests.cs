using CsCheck;
using Vmre.Firmware.Testigo;

using Vmre.Firmware.Tests.Support;

namespace Vmre.Firmware.Tests.Testigo;

public class TestigoPropertyTests
{
    [Fact]
    public void Encode_decode_round_trips() =>
        Generators.Payload.Sample(p =>
        {
            var text = p.Encode();
            var r = TestigoDecoder.Decode(text);
            Assert.True(r.Ok, r.Reason + " : " + text);
            Assert.Equal(text, r.Payload.Encode());
            Assert.Equal(p.Contests.Length, r.Payload.Contests.Length);
        }, iter: 3000);

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
