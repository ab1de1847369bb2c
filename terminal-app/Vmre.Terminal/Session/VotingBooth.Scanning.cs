using Vmre.Common.Protocol;
using Vmre.Firmware.Scanning;

namespace Vmre.Terminal.Session;

/// <summary>Scanner input at the voting terminal (issue 3): activation codes only.</summary>
public sealed partial class VotingBooth
{
    /// <summary>
    /// What the terminal's scanner read: only an activation code opens a ballot. A voter's
    /// credential (TD1 MRZ) belongs at the check-in desk; the terminal refuses it and keeps none of
    /// it (brief rule 2), and no refusal reason echoes the scanned text (rules 2, 3).
    /// </summary>
    public BoothResult<BallotView> Scanned(string text)
    {
        var scan = ScannedInput.Classify(text);
        switch (scan.Kind)
        {
            case ScanKind.Activation:
                return Activate(text);
            case ScanKind.Credential:
                return Refuse<BallotView>("scan-refused", "a voter credential was scanned: this terminal takes activation codes only; check-in is at the desk");
            case ScanKind.Refused:
                return Refuse<BallotView>("scan-refused", scan.Reason);
            default:
                throw new ArgumentOutOfRangeException(nameof(text), scan.Kind, "unknown scan kind");
        }
    }
}
