using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Terminals;

/// <summary>
/// Sends a signed <see cref="ModuleCommand"/> (v2) to one terminal and returns its signed answer
/// still unopened: the caller verifies it against that terminal's paired key (rules.md R5).
/// Issue 8 point 3: first the terminal's fresh challenge, then the next sequence number for that
/// terminal (committed before signing), then the command, echoing the challenge and naming this
/// module's election package. The terminal's answer must echo the same challenge, so neither an
/// old command nor an old answer can be replayed.
/// </summary>
public sealed class TerminalClient(string moduleId, string packageHash, ISigner serverKey,
    IReadOnlyDictionary<string, string> urls, HttpClient http, CommandSequence sequence)
{
    public async Task<TerminalReply> Send(string terminalId, ModuleCommandKind kind, CancellationToken cancel)
    {
        if (!urls.TryGetValue(terminalId, out var baseUrl))
            return TerminalReply.Failed(null, "no address configured for this terminal (--terminal ID=URL)");
        var terminal = new TerminalApiClient(http, new Uri(baseUrl));
        try
        {
            var challenge = await terminal.Challenge(cancel);
            if (!challenge.IsOk) return TerminalReply.Failed(null, "the terminal gave no challenge: " + challenge.Error);
            var nonce = challenge.Value!.Nonce;
            var command = ModuleCommand.Create(kind, moduleId, terminalId, nonce, packageHash, sequence.Next(terminalId));
            var answer = await terminal.Command(SignedDocument.Create(DocumentKinds.ModuleCommand, command, serverKey), cancel);
            return answer.IsOk ? new TerminalReply(nonce, answer.Value, null) : TerminalReply.Failed(nonce, answer.Error!);
        }
        catch (HttpRequestException e)
        {
            return TerminalReply.Failed(null, "terminal unreachable: " + e.Message);
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            return TerminalReply.Failed(null, "terminal did not answer in time");
        }
    }
}
