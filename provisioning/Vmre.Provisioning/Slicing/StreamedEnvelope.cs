using System.Text;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Provisioning.Slicing;

/// <summary>
/// Writes a <see cref="SignedDocument"/> file byte-compatible with SignedDocument.WriteFile
/// (same fields, same order, same payload bytes and signature), but streams the base64
/// payload in chunks. A slice cut from a 2,000,000-row LNERE has a ~250 MB payload whose
/// base64 (~335 MB) exceeds System.Text.Json's largest writable string value, so the
/// common writer throws on it. Written to a temporary sibling and renamed, like AtomicFile.
/// </summary>
public static class StreamedEnvelope
{
    private const int Chunk = 3 * 1 << 20; // multiple of 3: base64 chunks concatenate cleanly

    public static SignedDocumentInfo Write<T>(string path, string kind, T body, ISigner signer)
    {
        var payload = VmreJson.Bytes(body);
        var signature = Convert.ToBase64String(signer.Sign(payload));
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Ascii(file, $"{{\"format\":{Json(SignedDocument.FormatV1)},\"kind\":{Json(kind)},\"keyId\":{Json(signer.KeyId)},\"payload\":\"");
                for (var offset = 0; offset < payload.Length; offset += Chunk)
                    Ascii(file, Convert.ToBase64String(payload, offset, Math.Min(Chunk, payload.Length - offset)));
                Ascii(file, $"\",\"signature\":{Json(signature)}}}");
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return new SignedDocumentInfo(payload.LongLength, Vmre.Common.Signing.ContentHash.Of(payload));
    }

    private static string Json(string value) => VmreJson.Text(value);

    private static void Ascii(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));
}
