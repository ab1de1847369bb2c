using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Vmre.HardwareSim.Nfc;

namespace Vmre.HardwareSim.Tests.Nfc;

/// <summary>The simulator's card file, vmre-sim-card/1 (docs/formats/official-card.md): 0600, strict, the counter kept.</summary>
public sealed class SimulatedSmartCardFileTests : IDisposable
{
    private static readonly byte[] Select = [0x00, 0xA4, 0x04, 0x00, 0x07, 0xF0, 0x56, 0x4D, 0x52, 0x45, 0x4B, 0x32, 0x00];
    private readonly string _dir = Directory.CreateTempSubdirectory("vmre-card-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static byte[] WrongPin() => [0x80, 0x88, 0x00, 0x00, 0x24, .. new byte[32], .. "0000"u8, 0x00];

    private string Saved()
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", [0x04, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]);
        card.Save(PathOf("card.json"));
        return File.ReadAllText(PathOf("card.json"));
    }

    private string Refusal(string json)
    {
        var path = PathOf("edited.json");
        File.WriteAllText(path, json);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var loaded = SimulatedSmartCard.Load(path);
        Assert.False(loaded.IsOk);
        return loaded.Error!;
    }

    [Fact]
    public void Saved_it_is_owner_only_with_exactly_the_documented_fields()
    {
        var json = Saved();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathOf("card.json")));
        var fields = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(["format", "credentialId", "uid", "privateKeyPkcs8", "pinSalt", "pinHash", "pinIterations", "wrongPinsInARow"], fields.Select(f => f.Key));
        Assert.Equal("vmre-sim-card/1", (string)fields["format"]!);
        Assert.Equal("04010203040506", (string)fields["uid"]!);
        Assert.DoesNotContain("482913", json); // the PIN only as its salted hash
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp-*"));
    }

    [Fact]
    public void Loaded_it_is_the_same_card_with_the_same_key_and_its_counter()
    {
        using var card = SimulatedSmartCard.Personalise("SEC-01", "615204");
        card.Save(PathOf("card.json"));
        card.Answer(Select);
        card.Answer(WrongPin()); // the chip writes its counter back at once
        card.Answer(WrongPin());

        using var again = SimulatedSmartCard.Load(PathOf("card.json")).ValueOrThrow();

        Assert.Equal(card.PublicKeyPem, again.PublicKeyPem);
        Assert.Equal("SEC-01", again.CredentialId);
        Assert.Equal(card.Uid, again.Uid);
        Assert.Equal(8, again.PinTriesLeft); // a restart gives no tries back
        again.Answer(Select);
        var accepted = again.Answer([0x80, 0x88, 0x00, 0x00, 0x26, .. new byte[32], .. "615204"u8, 0x00])!;
        Assert.Equal(0x01, accepted[0]);
        Assert.Equal(10, SimulatedSmartCard.Load(PathOf("card.json")).ValueOrThrow().PinTriesLeft);
    }

    [Fact]
    public void A_file_others_can_read_is_refused()
    {
        Saved();
        File.SetUnixFileMode(PathOf("card.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.Contains("mode 0600", SimulatedSmartCard.Load(PathOf("card.json")).Error);
    }

    [Fact]
    public void A_missing_file_is_a_refusal_naming_it() =>
        Assert.Contains("nope.json", SimulatedSmartCard.Load(PathOf("nope.json")).Error);

    [Fact]
    public void Every_malformed_file_is_refused_with_its_reason()
    {
        var json = Saved();
        string With(Action<JsonObject> edit)
        {
            var o = JsonNode.Parse(json)!.AsObject();
            edit(o);
            return o.ToJsonString();
        }
        Assert.Contains("malformed JSON", Refusal(json[..^3]));
        Assert.Contains("malformed JSON", Refusal(json + "{}"));                        // trailing data
        Assert.Contains("not a JSON object", Refusal("[]"));
        Assert.Contains("appears twice", Refusal(json.Replace("\"uid\":", "\"uid\": \"04010203\", \"uid\":")));
        Assert.Contains("unknown field \"Uid\"", Refusal(json.Replace("\"uid\":", "\"Uid\":"))); // a case variant
        Assert.Contains("unknown field \"pin\"", Refusal(With(o => o["pin"] = "482913")));
        Assert.Contains("\"pinHash\" is missing", Refusal(With(o => o.Remove("pinHash"))));
        Assert.Contains("format is not", Refusal(With(o => o["format"] = "vmre-sim-card/2")));
        Assert.Contains("credentialId", Refusal(With(o => o["credentialId"] = "PRES 01")));
        Assert.Contains("credentialId", Refusal(With(o => o["credentialId"] = 7)));
        Assert.Contains("uid", Refusal(With(o => o["uid"] = "0401020304")));
        Assert.Contains("uid", Refusal(With(o => o["uid"] = "04abcdef")));
        Assert.Contains("uid", Refusal(With(o => o["uid"] = "88010203")));
        Assert.Contains("pinSalt", Refusal(With(o => o["pinSalt"] = "AAAA")));
        Assert.Contains("pinHash", Refusal(With(o => o["pinHash"] = "not base64!")));
        Assert.Contains("pinIterations", Refusal(With(o => o["pinIterations"] = 1)));
        Assert.Contains("wrongPinsInARow", Refusal(With(o => o["wrongPinsInARow"] = 11)));
        Assert.Contains("wrongPinsInARow", Refusal(With(o => o["wrongPinsInARow"] = "0")));  // a number as a string
        Assert.Contains("wrongPinsInARow", Refusal(With(o => o["wrongPinsInARow"] = 1.5)));
        using var rsa = RSA.Create(2048);
        Assert.Contains("P-256", Refusal(With(o => o["privateKeyPkcs8"] = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()))));
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Contains("P-256", Refusal(With(o => o["privateKeyPkcs8"] = Convert.ToBase64String(p384.ExportPkcs8PrivateKey()))));
    }

    [Fact]
    public void A_refusal_does_not_echo_a_long_field_name()
    {
        var json = Saved();
        var error = Refusal(json.Replace("\"uid\":", $"\"{new string('x', 5000)}\":"));
        Assert.Contains("<5000 characters>", error);
        Assert.True(error.Length < 300, Encoding.UTF8.GetByteCount(error).ToString());
    }
}
