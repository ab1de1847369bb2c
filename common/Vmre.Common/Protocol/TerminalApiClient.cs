using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Common.Protocol;

/// <summary>
/// The voting terminal's HTTP API (<see cref="TerminalRoutes"/>) as its callers speak it: the
/// ballot page's steps, the official's steps at the terminal, and the module server's signed
/// commands. The caller owns the HttpClient; <paramref name="terminal"/> is the terminal's
/// address when the client is shared by several terminals (the module server), else its base address is used.
/// </summary>
public sealed class TerminalApiClient(HttpClient http, Uri? terminal = null)
{
    public Task<Parsed<TerminalState>> State(CancellationToken cancel = default) =>
        ApiAnswer.Json<TerminalState>(http, ApiAnswer.Request(HttpMethod.Get, ApiAnswer.At(terminal, TerminalRoutes.State)), cancel);

    /// <summary>Present an activation code; the ballot shows only once it is burned (rules.md R4).</summary>
    public Task<Parsed<BallotView>> Activate(string code) => Post<BallotView>(TerminalRoutes.Activation, new ActivationRequest(code));

    public Task<Parsed<BallotView>> Ballot() => Get<BallotView>(TerminalRoutes.Ballot);

    public Task<Parsed<ReviewView>> Review() => Get<ReviewView>(TerminalRoutes.Review);

    public Task<Parsed<ReviewView>> Select(SelectionRequest selection) => Post<ReviewView>(TerminalRoutes.Selection, selection);

    /// <summary>Print the testigo (rules.md R1); the vote is not sealed yet.</summary>
    public Task<Parsed<ReviewView>> Confirm() => Post<ReviewView>(TerminalRoutes.Confirm);

    /// <summary>The voter saw the testigo: seal the vote.</summary>
    public Task<Parsed<string>> Accept() => Post<string>(TerminalRoutes.Accept);

    public Task<Parsed<ReviewView>> Reject() => Post<ReviewView>(TerminalRoutes.Reject);

    public Task<Parsed<string>> Cancel() => Post<string>(TerminalRoutes.Cancel);

    public Task<Parsed<NoBody>> StillHere() => Post<NoBody>(TerminalRoutes.StillHere);

    /// <summary>An official clears a fault: card on the reader, PIN here (rules.md R8).</summary>
    public Task<Parsed<string>> ClearFault(string pin) => Post<string>(TerminalRoutes.ClearFault, new OfficialPin(pin));

    public Task<Parsed<string>> EndInterruptedSession(string pin) => Post<string>(TerminalRoutes.EndSession, new OfficialPin(pin));

    /// <summary>
    /// A command the module server signed; the answer comes back still unopened, as a signed
    /// envelope the caller verifies against the terminal's paired key (rules.md R5).
    /// </summary>
    public async Task<Parsed<SignedDocument>> Command(SignedDocument command, CancellationToken cancel = default)
    {
        using var content = new ByteArrayContent(VmreJson.Bytes(command));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(ApiAnswer.At(terminal, TerminalRoutes.ModuleCommand), content, cancel);
        var body = await response.Content.ReadAsByteArrayAsync(cancel);
        if (!response.IsSuccessStatusCode)
            return Parsed<SignedDocument>.Fail($"terminal answered HTTP {(int)response.StatusCode}: {Short(body)}");
        var envelope = SignedDocument.ParseEnvelope(body);
        return envelope.IsOk ? envelope : Parsed<SignedDocument>.Fail("terminal answer is not a signed document: " + envelope.Error);
    }

    /// <summary>
    /// The terminal's fresh challenge, which the next signed command must echo (issue 8 point 3).
    /// Read at the boundary: another version or a malformed nonce is a refusal.
    /// </summary>
    public async Task<Parsed<ModuleChallenge>> Challenge(CancellationToken cancel = default)
    {
        var answer = await ApiAnswer.Json<ModuleChallenge>(http,
            ApiAnswer.Request(HttpMethod.Post, ApiAnswer.At(terminal, TerminalRoutes.ModuleChallenge)), cancel);
        return answer.IsOk ? answer.Value!.Check() : answer;
    }

    private Task<Parsed<T>> Get<T>(string path) => ApiAnswer.Json<T>(http, ApiAnswer.Request(HttpMethod.Get, ApiAnswer.At(terminal, path)));

    private Task<Parsed<T>> Post<T>(string path, object? body = null) => ApiAnswer.Json<T>(http, ApiAnswer.Request(HttpMethod.Post, ApiAnswer.At(terminal, path), body));

    private static string Short(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length <= 200 ? text : text[..200];
    }
}
