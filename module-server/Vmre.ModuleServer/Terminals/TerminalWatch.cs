using Vmre.Common.Protocol;
using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Terminals;

/// <summary>
/// Asks every paired terminal for its state (GET /api/state) so the desk can show what happened
/// at each one: a testigo voided by a printer fault, a cover opened, paper running out. The state
/// is display only, never counted, so it is read unsigned; everything counted arrives signed
/// (closing records, rules.md R5).
/// </summary>
public sealed class TerminalWatch(IReadOnlyDictionary<string, string> urls, IEnumerable<string> pairedTerminals, HttpClient http)
{
    private readonly string[] _terminals = pairedTerminals.ToArray();

    public async Task<IReadOnlyList<TerminalSighting>> Look(CancellationToken cancel)
    {
        var looks = _terminals.Select(id => LookAt(id, cancel));
        return await Task.WhenAll(looks);
    }

    private async Task<TerminalSighting> LookAt(string terminalId, CancellationToken cancel)
    {
        if (!urls.TryGetValue(terminalId, out var baseUrl))
            return Unreachable(terminalId, "no address configured for this terminal (--terminal ID=URL)");
        try
        {
            var state = await new TerminalApiClient(http, new Uri(baseUrl)).State(cancel);
            if (!state.IsOk || state.Value!.TerminalId != terminalId)
                return Unreachable(terminalId, "the terminal's answer is not its state: " + (state.Error ?? "another terminal answered"));
            var s = state.Value;
            return new TerminalSighting(terminalId, true, s.Polls, s.Session, s.Message, s.Paper, s.Alerts ?? [], null);
        }
        catch (HttpRequestException e) { return Unreachable(terminalId, "terminal unreachable: " + e.Message); }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            return Unreachable(terminalId, "terminal did not answer in time");
        }
    }

    private static TerminalSighting Unreachable(string terminalId, string problem) =>
        new(terminalId, false, null, null, null, null, [], problem);
}
