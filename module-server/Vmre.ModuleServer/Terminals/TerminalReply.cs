using Vmre.Common.Signing;

namespace Vmre.ModuleServer.Terminals;

/// <summary>
/// What came back from one terminal: the signed document, or why there is none. <see cref="Nonce"/>
/// is the terminal's challenge the command echoed, which the answer must echo too; null when no
/// command was sent (no challenge, no address, unreachable).
/// </summary>
public sealed record TerminalReply(string? Nonce, SignedDocument? Document, string? Failure)
{
    public static TerminalReply Failed(string? nonce, string reason) => new(nonce, null, reason);
}
