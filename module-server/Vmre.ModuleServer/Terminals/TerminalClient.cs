using System.Net.Http.Headers;
using System.Security.Cryptography;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.ModuleServer.Terminals;

/// <summary>
/// Sends a signed <see cref="ModuleCommand"/> to one terminal and returns its signed answer
/// still unopened: the caller verifies it against that terminal's paired key (rules.md R5).
/// A fresh random nonce per command binds the answer to this request, so an old zero report
/// or closing record cannot be replayed.
/// </summary>
public sealed class TerminalClient(string moduleId, ISigner serverKey, IReadOnlyDictionary<string, string> urls, HttpClient http)
{
    public async Task<TerminalReply> Send(string terminalId, ModuleCommandKind kind, CancellationToken cancel)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        if (!urls.TryGetValue(terminalId, out var baseUrl))
            return TerminalReply.Failed(nonce, "no address configured for this terminal (--terminal ID=URL)");
        var command = SignedDocument.Create(DocumentKinds.ModuleCommand, ModuleCommand.Create(kind, moduleId, terminalId, nonce), serverKey);
        try
        {
            using var content = new ByteArrayContent(VmreJson.Bytes(command));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(new Uri(new Uri(baseUrl), TerminalRoutes.ModuleCommand), content, cancel);
            var body = await response.Content.ReadAsByteArrayAsync(cancel);
            if (!response.IsSuccessStatusCode)
                return TerminalReply.Failed(nonce, $"terminal answered HTTP {(int)response.StatusCode}: {Short(body)}");
            var envelope = SignedDocument.ParseEnvelope(body);
            return envelope.IsOk
                ? new TerminalReply(nonce, envelope.Value, null)
                : TerminalReply.Failed(nonce, "terminal answer is not a signed document: " + envelope.Error);
        }
        catch (HttpRequestException e)
        {
            return TerminalReply.Failed(nonce, "terminal unreachable: " + e.Message);
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            return TerminalReply.Failed(nonce, "terminal did not answer in time");
        }
    }

    private static string Short(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length <= 200 ? text : text[..200];
    }
}
