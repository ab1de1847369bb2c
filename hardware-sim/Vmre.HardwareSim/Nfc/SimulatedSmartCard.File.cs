using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vmre.Common.Cards;
using Vmre.Common.Serialization;

namespace Vmre.HardwareSim.Nfc;

/// <summary>
/// The card's memory as a file, format <c>vmre-sim-card/1</c> (docs/formats/official-card.md,
/// "The simulator's card file"): the simulator's stand-in for the chip. It holds the private key
/// and the PIN's hash, so it is written 0600 (issue 11 point 7) and never read by a device. Once
/// saved or loaded, the card writes its try counter back to the file on every change, as a
/// chip keeps it in non-volatile memory: restarting the simulator does not give tries back.
/// </summary>
public sealed partial class SimulatedSmartCard
{
    public const string FileFormat = "vmre-sim-card/1";

    private static readonly string[] FileFields =
        ["format", "credentialId", "uid", "privateKeyPkcs8", "pinSalt", "pinHash", "pinIterations", "wrongPinsInARow"];

    /// <summary>Writes the card's memory to <paramref name="path"/> (mode 0600, whole or not at all) and keeps it there.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        lock (_gate)
        {
            _file = Path.GetFullPath(path);
            Persist();
        }
    }

    /// <summary>Reads a card file strictly: every field present once, with its exact name and type, and nothing else.</summary>
    public static Parsed<SimulatedSmartCard> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
                return Parsed<SimulatedSmartCard>.Fail($"{path}: a card file holds a private key and must be readable by its owner only (mode 0600)");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Parsed<SimulatedSmartCard>.Fail($"{path}: cannot be read: {e.Message}");
        }
        var card = Parse(bytes);
        if (!card.IsOk) return Parsed<SimulatedSmartCard>.Fail($"{path}: {card.Error}");
        card.Value!._file = Path.GetFullPath(path);
        return card;
    }

    /// <summary>The parsing of <see cref="Load"/>, on the file's bytes.</summary>
    public static Parsed<SimulatedSmartCard> Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow }); }
        catch (JsonException e) { return Parsed<SimulatedSmartCard>.Fail($"not a {FileFormat} file: malformed JSON ({e.Message})"); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return Parsed<SimulatedSmartCard>.Fail($"not a {FileFormat} file: not a JSON object");
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!FileFields.Contains(property.Name, StringComparer.Ordinal)) return Parsed<SimulatedSmartCard>.Fail($"unknown field \"{LogSafe(property.Name)}\"");
                if (!fields.TryAdd(property.Name, property.Value)) return Parsed<SimulatedSmartCard>.Fail($"field \"{property.Name}\" appears twice");
            }
            foreach (var name in FileFields)
                if (!fields.ContainsKey(name)) return Parsed<SimulatedSmartCard>.Fail($"field \"{name}\" is missing");
            return FromFields(fields);
        }
    }

    private static Parsed<SimulatedSmartCard> FromFields(Dictionary<string, JsonElement> f)
    {
        static Parsed<SimulatedSmartCard> Fail(string reason) => Parsed<SimulatedSmartCard>.Fail(reason);
        if (Text(f["format"]) != FileFormat) return Fail($"format is not \"{FileFormat}\"");
        if (Text(f["credentialId"]) is not { } id || !CardStatement.IsCredentialId(id)) return Fail("credentialId is not 1-32 printable ASCII characters");
        if (Hex(f["uid"]) is not { Length: 4 or 7 } uid || uid[0] == 0x88) return Fail("uid is not 4 or 7 bytes in upper-case hex (not starting 88)");
        if (Base64(f["pinSalt"]) is not { Length: PinSaltLength } salt) return Fail($"pinSalt is not {PinSaltLength} bytes in base64");
        if (Base64(f["pinHash"]) is not { Length: PinHashLength } hash) return Fail($"pinHash is not {PinHashLength} bytes in base64");
        if (Number(f["pinIterations"]) != PinIterations) return Fail($"pinIterations is not {PinIterations}");
        if (Number(f["wrongPinsInARow"]) is not { } wrong || wrong is < 0 or > K2Applet.PinTries) return Fail($"wrongPinsInARow is not a whole number 0..{K2Applet.PinTries}");
        if (Base64(f["privateKeyPkcs8"]) is not { } pkcs8) return Fail("privateKeyPkcs8 is not base64");
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8, out int read);
            if (read != pkcs8.Length) throw new CryptographicException("trailing bytes");
            if (key.ExportParameters(false).Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value) throw new CryptographicException("not P-256");
        }
        catch (CryptographicException)
        {
            key.Dispose();
            return Fail("privateKeyPkcs8 is not an ECDSA P-256 private key (PKCS#8 DER)");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
        return Parsed<SimulatedSmartCard>.Ok(new SimulatedSmartCard(id, key, uid, salt, hash, wrong));
    }

    private static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private static int? Number(JsonElement e) => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int n) ? n : null;

    private static byte[]? Base64(JsonElement e)
    {
        if (Text(e) is not { } text) return null;
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { return null; }
    }

    private static byte[]? Hex(JsonElement e)
    {
        if (Text(e) is not { } text || text.Any(char.IsLower)) return null;
        try { return Convert.FromHexString(text); }
        catch (FormatException) { return null; }
    }

    private static string LogSafe(string name) =>
        name.Length <= 32 && name.All(c => c is >= ' ' and <= '~') ? name : $"<{name.Length} characters>";

    /// <summary>Rewrites the card file, if the card has one (under <see cref="_gate"/>).</summary>
    private void Persist()
    {
        if (_file is null) return;
        var pkcs8 = _key.ExportPkcs8PrivateKey();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FileFormat);
            writer.WriteString("credentialId", _credentialId);
            writer.WriteString("uid", Convert.ToHexString(_uid));
            writer.WriteString("privateKeyPkcs8", Convert.ToBase64String(pkcs8));
            writer.WriteString("pinSalt", Convert.ToBase64String(_pinSalt));
            writer.WriteString("pinHash", Convert.ToBase64String(_pinHash));
            writer.WriteNumber("pinIterations", PinIterations);
            writer.WriteNumber("wrongPinsInARow", _wrongPinsInARow);
            writer.WriteEndObject();
        }
        CryptographicOperations.ZeroMemory(pkcs8);
        WritePrivate(_file, [.. buffer.WrittenSpan, (byte)'\n']);
    }

    /// <summary>Whole or not at all, and 0600 from the moment it exists (never world-readable for an instant).</summary>
    private static void WritePrivate(string path, ReadOnlySpan<byte> bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
