using Vmre.Common.Lnere;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Provisioning.Modules;

/// <summary>
/// The hash of a module's verified LNERE slice, pinned in its module config (rules.md R5):
/// the slice must be signed by this authority and cut for this module and election.
/// </summary>
public static class SlicePin
{
    public static Parsed<string> Hash(string path, PublicKey authority, string moduleId, string electionId)
    {
        var envelope = SignedDocument.ReadFile(path);
        if (!envelope.IsOk) return Parsed<string>.Fail(envelope.Error!);
        var slice = envelope.Value!.Open<LnereSlice>(DocumentKinds.LnereSlice, authority);
        if (!slice.IsOk) return Parsed<string>.Fail(slice.Error!);
        if (slice.Value!.ModuleId != moduleId) return Parsed<string>.Fail($"cut for module {slice.Value.ModuleId}, not {moduleId}");
        if (slice.Value.ElectionId != electionId) return Parsed<string>.Fail($"cut for election {slice.Value.ElectionId}, not {electionId}");
        return Parsed<string>.Ok(Vmre.Common.Signing.ContentHash.Of(envelope.Value.PayloadBytes()));
    }
}
