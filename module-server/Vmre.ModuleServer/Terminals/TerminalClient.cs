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
            var answer = await new TerminalApiClient(http, new Uri(baseUrl)).Command(command, cancel);
            return answer.IsOk ? new TerminalReply(nonce, answer.Value, null) : TerminalReply.Failed(nonce, answer.Error!);
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
}
