using Vmre.Common.Lnere;
using Vmre.Common.Protocol;
using Vmre.Firmware.Credential;

namespace Vmre.ModuleServer.Voters;

/// <summary>
/// What the desk asked for, parsed at the boundary: a scanned MRZ gives the CIC, a typed
/// clave de elector is normalised. A bad scan or clave is a reason for the official to act on.
/// </summary>
public sealed record VoterQuery(string? Clave, string? Cic, string? Invalid)
{
    /// <summary>The key of the blocked index (docs/formats/lnere-slice.md) for this clave or CIC.</summary>
    public const int MaxMrzLength = 100;

    public string BlockedKey => Clave is not null ? SliceKey.OfClave(Clave) : SliceKey.OfCic(Cic!);

    public static VoterQuery From(CheckInLookupRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.Mrz))
        {
            // Issue 11 point 2: a TD1 MRZ is 3 lines of 30 (90 characters) and its line breaks.
            if (request.Mrz.Length > MaxMrzLength)
                return new VoterQuery(null, null, $"credential MRZ refused: longer than {MaxMrzLength} characters (3 lines of 30)");
            var parsed = MrzParser.Parse(request.Mrz.Trim());
            return parsed.Ok
                ? new VoterQuery(null, parsed.Credential.DocumentNumber, null)
                : new VoterQuery(null, null, "credential MRZ refused: " + parsed.Reason);
        }
        var clave = ClaveDeElector.Normalise(request.Clave);
        return clave.IsOk ? new VoterQuery(clave.Value, null, null) : new VoterQuery(null, null, clave.Error);
    }
}
