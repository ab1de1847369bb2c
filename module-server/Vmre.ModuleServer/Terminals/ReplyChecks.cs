using Vmre.Common.Closing;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.ModuleServer.Terminals;

/// <summary>
/// Verification of what terminals sign (rules.md R5): the signature of the paired key, then
/// that the document answers this command, for this module, terminal and election package.
/// Whatever fails is refused with its reason and never counted.
/// </summary>
public sealed class ReplyChecks(string moduleId, string packageHash, IReadOnlyDictionary<string, PublicKey> terminalKeys)
{
    public Parsed<ZeroReport> ZeroReport(string terminalId, TerminalReply reply)
    {
        var opened = Open<ZeroReport>(terminalId, reply, DocumentKinds.ZeroReport);
        if (!opened.IsOk) return opened;
        var r = opened.Value!;
        if (r.Format != Vmre.Common.Closing.ZeroReport.FormatV1)
            return Parsed<ZeroReport>.Fail($"zero report format '{r.Format}' is not {Vmre.Common.Closing.ZeroReport.FormatV1}");
        var mismatch = Binding(terminalId, reply.Nonce, r.TerminalId, r.ModuleId, r.PackageHash, r.CommandNonce);
        if (mismatch is not null) return Parsed<ZeroReport>.Fail(mismatch);
        if (r.SelfTestFailures is { Count: > 0 })
            return Parsed<ZeroReport>.Fail("self-test failed: " + string.Join("; ", r.SelfTestFailures));
        if (!r.AllZero)
            return Parsed<ZeroReport>.Fail(
                $"counters are not zero (votes sealed {r.VotesSealed}, testigos printed {r.TestigosPrinted}, activations redeemed {r.ActivationsRedeemed})");
        return opened;
    }

    public Parsed<ClosingRecord> ClosingRecord(string terminalId, TerminalReply reply)
    {
        var opened = Open<ClosingRecord>(terminalId, reply, DocumentKinds.ClosingRecord);
        if (!opened.IsOk) return opened;
        var r = opened.Value!;
        // Issue 9 point 6: v1 and v2 have no votes per ballot style; issue 10 point 2: v3 cannot
        // state the vote store's integrity. All are refused by name.
        if (r.Format != Vmre.Common.Closing.ClosingRecord.FormatV4)
            return Parsed<ClosingRecord>.Fail($"closing record format '{r.Format}' is not {Vmre.Common.Closing.ClosingRecord.FormatV4}");
        var mismatch = Binding(terminalId, reply.Nonce, r.TerminalId, r.ModuleId, r.PackageHash, r.CommandNonce);
        return mismatch is null ? opened : Parsed<ClosingRecord>.Fail(mismatch);
    }

    private Parsed<T> Open<T>(string terminalId, TerminalReply reply, string kind) where T : class
    {
        if (reply.Document is null) return Parsed<T>.Fail(reply.Failure!);
        if (!terminalKeys.TryGetValue(terminalId, out var key)) return Parsed<T>.Fail("terminal is not paired with this module");
        return reply.Document.Open<T>(kind, key);
    }

    private string? Binding(string terminalId, string? nonce, string? docTerminal, string? docModule, string? docPackage, string? docNonce)
    {
        if (nonce is null || docNonce != nonce) return "answer does not carry this command's nonce (a stale or replayed document)";
        if (docTerminal != terminalId) return $"document names terminal '{docTerminal}'";
        if (docModule != moduleId) return $"document names module '{docModule}'";
        if (docPackage != packageHash) return $"document names election package {docPackage}, this module runs {packageHash}";
        return null;
    }
}
