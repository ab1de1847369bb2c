using Vmre.Common.Closing;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Intruder;

/// <summary>
/// A copy of the signed zero-report command the module server sent <paramref name="terminal"/> at
/// opening, as a wiretap would have captured it: the server keeps the terminal's signed answer
/// (zero-reports/), whose commandNonce is the challenge that command answered, and the command is
/// signed again with the server's key — inside the server's own TPM, which the simulator reaches
/// through <see cref="ModuleRig.OpenServerKey"/> — over that old challenge, first in the sequence.
/// </summary>
public static class CapturedCommand
{
    public static SignedDocument ZeroReportAtOpening(ModuleRig rig, SimTerminal terminal, PublicKey terminalKey, ISigner serverKey)
    {
        // Where the server keeps answers (module-server ReceivedDocuments.ZeroReports).
        var kept = Path.Combine(rig.ServerDir, "zero-reports", terminal.Id + ".signed.json");
        var report = SignedDocument.ReadFile(kept).Then(d => d.Open<ZeroReport>(DocumentKinds.ZeroReport, terminalKey)).ValueOrThrow();
        var command = ModuleCommand.Create(ModuleCommandKind.ZeroReport, rig.Options.ModuleId, terminal.Id, report.CommandNonce, rig.PackageHash, 1);
        return SignedDocument.Create(DocumentKinds.ModuleCommand, command, serverKey);
    }
}
